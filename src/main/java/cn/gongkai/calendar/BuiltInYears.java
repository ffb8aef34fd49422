package cn.gongkai.calendar;

import cn.gongkai.web.BadRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The calendar years shipped with gongkai: {@code classpath:calendar/<year>.json}, gongkai's own format. */
final class BuiltInYears {

  static final String LOCATION = "classpath:calendar/*.json";
  private static final Pattern FILE_NAME = Pattern.compile("(\\d{4})\\.json");

  private BuiltInYears() {}

  /** Every built-in year, checked like a loaded file; a broken file stops the start. */
  static List<CalendarYear> read() {
    Resource[] resources;
    try {
      resources = new PathMatchingResourcePatternResolver(BuiltInYears.class.getClassLoader())
          .getResources(LOCATION);
    } catch (IOException e) {
      throw new IllegalStateException("cannot list the built-in calendar files " + LOCATION, e);
    }
    List<CalendarYear> years = new ArrayList<>();
    for (Resource resource : resources) {
      Matcher name = FILE_NAME.matcher(String.valueOf(resource.getFilename()));
      if (!name.matches()) {
        continue;
      }
      int year = Integer.parseInt(name.group(1));
      try (InputStream in = resource.getInputStream()) {
        years.add(CalendarYearFormat.parse(year, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new IllegalStateException("cannot read built-in calendar calendar/" + year + ".json", e);
      } catch (BadRequestException e) {
        throw new IllegalStateException("built-in calendar calendar/" + year + ".json is invalid: " + e.problems(), e);
      }
    }
    if (years.isEmpty()) {
      throw new IllegalStateException("no built-in calendar files found at " + LOCATION);
    }
    return years;
  }
}
