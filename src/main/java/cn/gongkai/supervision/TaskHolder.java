package cn.gongkai.supervision;

import java.util.List;

/**
 * An open task of a supervised case and who holds it.
 *
 * @param taskName the task's Chinese name
 * @param assignee the user who claimed it (id), or null
 * @param assigneeName that user's name as Camunda knows it, or null
 * @param candidateGroups the groups that may claim it (ids)
 * @param candidateGroupNames the same groups' Chinese names
 */
public record TaskHolder(String taskName, String assignee, String assigneeName, List<String> candidateGroups,
    List<String> candidateGroupNames) {}
