package cn.gongkai.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A caller of the booted application: HTTP Basic, or a browser-like client keeping the webapp's session cookie. */
final class Http {

  private final String base;
  private final HttpClient client;
  private final CookieManager cookies;
  private String basic;

  private Http(String base, HttpClient client, CookieManager cookies) {
    this.base = base;
    this.client = client;
    this.cookies = cookies;
  }

  static Http basic(int port, String user, String password) {
    Http http = new Http("http://localhost:" + port, HttpClient.newHttpClient(), null);
    http.basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return http;
  }

  static Http session(int port) {
    CookieManager cookies = new CookieManager();
    return new Http("http://localhost:" + port, HttpClient.newBuilder().cookieHandler(cookies).build(), cookies);
  }

  /** Logs in to a Camunda webapp the way its login page does. */
  HttpResponse<String> webappLogin(String app, String user, String password) {
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** Camunda's webapps hand out their CSRF token as a cookie on a reading request; the page echoes it in a header. */
  String csrfToken() {
    get("/camunda/app/tasklist/default/");
    get("/camunda/api/admin/auth/user/default");
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .reduce((a, b) -> b)
        .map(java.net.HttpCookie::getValue)
        .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
  }

  /** The value of a cookie the server set, e.g. the session id. */
  String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .reduce((a, b) -> b)
        .map(java.net.HttpCookie::getValue)
        .orElseThrow(() -> new AssertionError("no " + name + " cookie"));
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  HttpResponse<String> post(String path, String json, String... headers) {
    HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  HttpResponse<String> put(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> delete(String path) {
    return send(request(path).DELETE());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (basic != null) {
      b.header("Authorization", basic);
    }
    return b;
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String path(String caseNumber) {
    return URLEncoder.encode(caseNumber, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
