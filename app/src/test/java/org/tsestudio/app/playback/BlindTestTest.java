package org.tsestudio.app.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlindTestTest {

  @Test
  void picksAreTalliedByHiddenContender() {
    BlindTest t = new BlindTest(List.of("v7", "v8"), new Random(1));
    int v8 = 0;
    for (int i = 0; i < 20; i++) {
      // A listener who always prefers v8, wherever it hides.
      int slot = t.hiddenAt(0).equals("v8") ? 0 : 1;
      t.pick(slot);
      v8++;
    }
    assertEquals(Map.of("v7", 0, "v8", v8), t.tally());
    assertEquals(20, t.trials());
  }

  @Test
  void slotsAreReshuffled() {
    BlindTest t = new BlindTest(List.of("v7", "v8"), new Random(5));
    Set<String> firstSlot = new HashSet<>();
    for (int i = 0; i < 30; i++) {
      firstSlot.add(t.hiddenAt(0));
      t.pick(0);
    }
    assertEquals(Set.of("v7", "v8"), firstSlot);
    assertNotEquals(t.hiddenAt(0), t.hiddenAt(1));
  }
}
