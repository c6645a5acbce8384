package io.dismc.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.rng.core.source32.Philox4x32;
import org.junit.jupiter.api.Test;

/** Philox4x32-10 against Random123's known-answer vectors and Commons RNG's independent implementation. */
class PhiloxKnownAnswerTest {

    static List<String> vectors() throws IOException {
        return Files.readAllLines(Path.of("test-data", "philox4x32-10.kat")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    static int hex(String s) {
        return (int) Long.parseLong(s, 16);
    }

    @Test
    void matchesRandom123KnownAnswers() throws IOException {
        List<String> lines = vectors();
        assertEquals(3, lines.size(), "test-data/philox4x32-10.kat should hold Random123's three vectors");
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            int[] out = new int[4];
            io.dismc.rng.Philox4x32.block(hex(f[0]), hex(f[1]), hex(f[2]), hex(f[3]), hex(f[4]), hex(f[5]), out, 0);
            int[] expected = {hex(f[6]), hex(f[7]), hex(f[8]), hex(f[9])};
            assertArrayEquals(expected, out, "vector " + line);
        }
    }

    /**
     * A long stream against Commons RNG's Philox4x32 seeded {key0, key1, ctr0..ctr3}; Commons outputs
     * from counter + 1, so our block b + 1 is its block b.
     */
    @Test
    void longStreamMatchesCommonsRng() {
        long seed = 0x1234_5678_9abc_def0L;
        long stream = 0x0fed_cba9_8765_4321L;
        RandomStream ours = new RandomStream(seed, stream);
        Philox4x32 theirs = new Philox4x32(new int[] {(int) seed, (int) (seed >>> 32), 0, 0, (int) stream, (int) (stream >>> 32)});
        int count = 1 << 16;
        int[] words = new int[count];
        ours.words(4, words, 0, count);
        for (int i = 0; i < count; i++) {
            assertEquals(theirs.nextInt(), words[i], "word " + (i + 4));
        }
    }

    @Test
    void commonsCounterCarriesIntoHighWordsLikeOurs() {
        // block index 2^32 - 1 then 2^32: the carry crosses from counter word 0 into word 1
        RandomStream ours = new RandomStream(7, 9);
        Philox4x32 theirs = new Philox4x32(new int[] {7, 0, -2, 0, 9, 0});
        int[] w = new int[8];
        ours.words(4L * 0xffff_ffffL, w, 0, 8);
        for (int i = 0; i < 8; i++) {
            assertEquals(theirs.nextInt(), w[i]);
        }
        assertTrue(w[0] != w[4]);
        // the same carry inside a bulk request (the four-blocks-at-once path): blocks 2^32 - 6 .. 2^32 + 9
        Philox4x32 again = new Philox4x32(new int[] {7, 0, -7, 0, 9, 0});
        int[] bulk = new int[64];
        ours.words(4L * (0xffff_ffffL - 5), bulk, 0, bulk.length);
        for (int i = 0; i < bulk.length; i++) {
            assertEquals(again.nextInt(), bulk[i], "word " + i);
        }
    }
}
