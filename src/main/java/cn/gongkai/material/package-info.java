/**
 * The information a case releases (条例第三十七条 区分处理): attached files, their redacted copies, the marks with
 * their exemption codes and review, and suggestions of personal data to mark. Internals in {@code internal}.
 */
package cn.gongkai.material;
