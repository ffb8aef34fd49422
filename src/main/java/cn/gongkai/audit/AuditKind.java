package cn.gongkai.audit;

/** What an audit entry records; the names are stored and filtered on, the labels are shown. */
public enum AuditKind {
  LOGIN("登录"),
  LOGIN_FAILED("登录失败"),
  ACCOUNT_LOCKED("账户锁定"),
  ACCOUNT_UNLOCKED("账户解锁"),
  PASSWORD_CHANGED("修改密码"),
  SESSION_ENDED("会话失效"),
  USER_CHANGED("用户变更"),
  GROUP_CHANGED("用户组变更"),
  MEMBERSHIP_CHANGED("组成员变更"),
  AUTHORIZATION_CHANGED("授权变更"),
  PERSONAL_DATA_VIEWED("查看个人信息"),
  EXPORT("导出"),
  CALENDAR_LOADED("载入节假日"),
  TEMPLATE_CHANGED("文书模板变更"),
  IMPORT("导入"),
  REPORT_LOCKED("锁定年度报告"),
  AUDIT_PURGED("清理审计日志");

  private final String label;

  AuditKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
