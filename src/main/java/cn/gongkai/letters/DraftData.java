package cn.gongkai.letters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** A draft letter's data as stored with it (JSON), so that sign-off renders the same letter numbered. */
final class DraftData {

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private DraftData() {}

  static String write(LetterData data) {
    try {
      return JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store a draft letter's data", e);
    }
  }

  static LetterData read(String json) {
    try {
      return JSON.readValue(json, LetterData.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read a draft letter's data", e);
    }
  }
}
