package cn.gongkai;

import java.util.Map;
import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;

/** gongkai: disclosure-on-request and 三同步 workflows on an embedded Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GongkaiApplication {

  /** Statutory deadlines are Beijing dates: the engine runs in Asia/Shanghai whatever the host says. */
  public static final String ZONE = "Asia/Shanghai";

  /**
   * The JDK's own XML factories, named: without the property every {@code XMLInputFactory.newInstance()} (POI and
   * poi-tl call them for every letter, the engine for every model) scans the whole classpath for a provider
   * before falling back to exactly these. No jar on the classpath provides another one; a property set on the
   * command line wins.
   */
  private static final Map<String, String> XML_FACTORIES = Map.of(
      "javax.xml.parsers.DocumentBuilderFactory", "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl",
      "javax.xml.parsers.SAXParserFactory", "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl",
      "javax.xml.stream.XMLInputFactory", "com.sun.xml.internal.stream.XMLInputFactoryImpl",
      "javax.xml.stream.XMLOutputFactory", "com.sun.xml.internal.stream.XMLOutputFactoryImpl",
      "javax.xml.stream.XMLEventFactory", "com.sun.xml.internal.stream.events.XMLEventFactoryImpl",
      "javax.xml.transform.TransformerFactory", "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl",
      "javax.xml.datatype.DatatypeFactory", "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl");

  /**
   * Jakarta Mail's stream provider, named for the same reason: without it every header a mail encodes or decodes
   * scans the class path ({@code jakarta.mail.util.FactoryFinder}; a tenth of a timer drain's CPU in a flight
   * recording). Angus Mail is the implementation Spring Boot's mail starter brings.
   */
  private static final Map<String, String> MAIL_PROVIDERS = Map.of(
      "jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");

  static {
    nameProviders(XML_FACTORIES, ClassLoader.getPlatformClassLoader());
    nameProviders(MAIL_PROVIDERS, GongkaiApplication.class.getClassLoader());
  }

  public static void main(String[] args) {
    TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
    SpringApplication application = new SpringApplication(GongkaiApplication.class);
    if (Boolean.getBoolean("gongkai.startup-recording")) {
      // each bean's creation and each start-up phase as a flight recorder event (with -XX:StartFlightRecording)
      application.setApplicationStartup(new FlightRecorderApplicationStartup());
    }
    application.run(args);
  }

  /** Names each provider whose class is there and which the command line did not name already. */
  private static void nameProviders(Map<String, String> providers, ClassLoader loader) {
    providers.forEach((factory, implementation) -> {
      if (System.getProperty(factory) == null) {
        try {
          Class.forName(implementation, false, loader);
          System.setProperty(factory, implementation);
        } catch (ClassNotFoundException | LinkageError notHere) {
          // another JDK or mail implementation: leave the lookup as it is
        }
      }
    });
  }
}
