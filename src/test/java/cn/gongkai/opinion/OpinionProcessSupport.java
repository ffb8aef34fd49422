package cn.gongkai.opinion;

import cn.gongkai.testing.EngineDriver;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Drives {@code public-opinion} as the office, the responsible unit and the supervisors would, on a moved clock. */
final class OpinionProcessSupport extends EngineDriver {

  OpinionProcessSupport(ProcessEngine engine) {
    super(engine);
  }

  /** The office registers an event first seen at that Beijing moment (yyyy-MM-ddTHH:mm). */
  ProcessInstance register(String firstSeen) {
    return startAs("office", OpinionVariables.PROCESS_KEY, event(firstSeen));
  }

  static Map<String, Object> event(String firstSeen) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("source", "微博");
    fields.put("link", "https://weibo.com/example/post/1");
    fields.put("summary", "网民反映某路段因暴雨积水严重，质疑排水工程质量。");
    fields.put("firstSeenOn", firstSeen.substring(0, 10));
    fields.put("firstSeenTime", firstSeen.substring(11, 16));
    return fields;
  }

  void assess(ProcessInstance pi, String level) {
    complete(pi, "Task_AssessOpinionEvent", "office", Map.of("eventLevel", level, "responsibleUnit", "州住房城乡建设局"));
  }

  /** The responsible unit records the first authoritative information (or 一般: the response) published then. */
  void respond(ProcessInstance pi, String taskKey, String at) {
    complete(pi, taskKey, "handler", Map.of("respondedOn", at.substring(0, 10), "respondedTime", at.substring(11, 16),
        "responseUrl", "https://www.cxz.gov.cn/xwfb/" + at.substring(0, 10) + ".html"));
  }

  void holdPressConference(ProcessInstance pi, String at) {
    complete(pi, "Task_HoldPressConference", "handler", Map.of("pressConferenceOn", at.substring(0, 10),
        "pressConferenceTime", at.substring(11, 16)));
  }

  void release(ProcessInstance pi, String at) {
    complete(pi, "Task_ReleaseFurtherInformation", "handler", Map.of("releasedOn", at.substring(0, 10),
        "releasedTime", at.substring(11, 16), "releaseUrl", "https://www.cxz.gov.cn/xwfb/more.html",
        "workConcluded", false));
  }

  void conclude(ProcessInstance pi) {
    complete(pi, "Task_ReleaseFurtherInformation", "handler", Map.of("workConcluded", true));
  }

  void evaluate(ProcessInstance pi, String rating, String adequate) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("effectRating", rating);
    fields.put("responseAdequate", adequate);
    fields.put("evaluationComment", "ADEQUATE".equals(adequate) ? "回应及时，网民情绪平稳。" : "回应内容避重就轻，引发二次舆情。");
    complete(pi, "Task_EvaluateResponseEffect", "office", fields);
  }
}
