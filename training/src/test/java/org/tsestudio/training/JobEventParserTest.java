package org.tsestudio.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JobEventParserTest {

  @Test
  void progressCarriesCountsMessageAndFraction() {
    var event =
        assertInstanceOf(
            JobEvent.Progress.class,
            JobEventParser.parse(
                "{\"event\": \"progress\", \"done\": 10, \"total\": 40, \"message\": \"mixing\"}"));
    assertEquals(10, event.done());
    assertEquals(40, event.total());
    assertEquals("mixing", event.message());
    assertEquals(0.25, event.fraction(), 1e-12);
  }

  @Test
  void metricKeepsEveryNumericFieldButStepAsACurve() {
    var event =
        assertInstanceOf(
            JobEvent.Metric.class,
            JobEventParser.parse(
                "{\"event\": \"metric\", \"step\": 300, \"epoch\": 2, \"train_loss\": -7.5,"
                    + " \"valid_si_sdr\": NaN, \"split\": \"valid\"}"));
    assertEquals(300, event.step());
    assertEquals(Map.of("train_loss", -7.5, "valid_si_sdr", Double.NaN), event.values());
    assertEquals("valid", event.fields().get("split"));
  }

  @Test
  void doneAndErrorAndCheckpoint() {
    var done = JobEventParser.parse("{\"event\": \"done\", \"checkpoint\": \"runs/a/last.pt\"}");
    assertInstanceOf(JobEvent.Done.class, done);
    assertEquals("runs/a/last.pt", done.checkpoint().orElseThrow());
    var error =
        assertInstanceOf(
            JobEvent.Failed.class,
            JobEventParser.parse("{\"event\": \"error\", \"message\": \"corpus.jsonl: empty\"}"));
    assertEquals("corpus.jsonl: empty", error.message());
  }

  @Test
  void linesThatAreNoEventBecomeOutput() {
    for (String line :
        new String[] {
          "plain text", "{\"event\": \"unknown\"}", "{\"no_event\": 1}", "{broken", "[1, 2]", ""
        }) {
      var output = assertInstanceOf(JobEvent.Output.class, JobEventParser.parse(line), line);
      assertEquals(line, output.line());
    }
    assertTrue(JobEventParser.parse("{\"event\": \"metric\"}") instanceof JobEvent.Metric);
  }
}
