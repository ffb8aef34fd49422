package cn.gongkai.request.internal;

import cn.gongkai.request.PersonalData;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * Full history, except that the applicant's personal data never reaches it (the start form's identity fields
 * live for one transaction as variables and are kept out of engine history), and that the job log records
 * failures only.
 */
public class PersonalDataHistoryLevel implements HistoryLevel {

  public static final String NAME = "gongkai-full";
  private static final HistoryLevel FULL = HistoryLevel.HISTORY_LEVEL_FULL;

  @Override
  public int getId() {
    return 37;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (entity instanceof VariableInstance variable && PersonalData.VARIABLES.contains(variable.getName())) {
      return false;
    }
    if (eventType == HistoryEventTypes.JOB_CREATE || eventType == HistoryEventTypes.JOB_SUCCESS
        || eventType == HistoryEventTypes.JOB_DELETE) {
      // the job log keeps what went wrong (JOB_FAIL: the exception, the retries left, in Cockpit's job log); a
      // row for every timer created, fired or cancelled would be three inserts per deadline and reminder that
      // nobody reads: that a timer fired is in the activity history and the case's record
      return false;
    }
    if (eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE) {
      // a submitted form would be copied field by field, personal data included; the variable
      // updates (filtered above) already record what a form changed
      return false;
    }
    return FULL.isHistoryEventProduced(eventType, entity);
  }
}
