package cn.gongkai.mail;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox's settings and its poll. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailOutboxSettings.class)
@EnableScheduling
class MailConfiguration {}
