package cn.gongkai.letters;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code gongkai.letters.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LettersProperties.class)
class LettersConfiguration {}
