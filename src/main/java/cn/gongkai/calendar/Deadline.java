package cn.gongkai.calendar;
// TEMPORARY STUB
public record Deadline(java.time.LocalDate due, boolean provisional) { public String explanation() { return "工作日"; } }
