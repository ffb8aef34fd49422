package cn.gongkai;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** gongkai: disclosure-on-request and 三同步 workflows on an embedded Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GongkaiApplication {

  /** Statutory deadlines are Beijing dates: the engine runs in Asia/Shanghai whatever the host says. */
  public static final String ZONE = "Asia/Shanghai";

  public static void main(String[] args) {
    TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
    SpringApplication.run(GongkaiApplication.class, args);
  }
}
