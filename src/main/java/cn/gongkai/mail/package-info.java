/** Outgoing mail through a transactional outbox: sent once its transaction commits, on any node. */
package cn.gongkai.mail;
