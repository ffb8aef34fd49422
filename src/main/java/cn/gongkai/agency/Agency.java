package cn.gongkai.agency;

/** An agency (机关) that handles requests: its code, full name, short name for numbers and letters. */
public record Agency(String code, String name, String shortName, String reconsiderationBody) {}
