package org.outcome.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The distinct values of a text column, each given a code in order of first appearance, looked
 * up by their UTF-8 bytes so that a row costs a hash of its bytes and no string: a column of ten
 * million group labels holds two strings, not ten million.
 */
final class LevelDictionary {
  private byte[] pool = new byte[256];
  private int poolLength;
  private int[] offsets = new int[16];
  private int[] hashes = new int[16];
  private int size;
  /** Open addressing: code + 1 per slot, 0 for empty. */
  private int[] slots = new int[32];

  /** The code of the value in {@code bytes[from, to)}, adding it if it is new. */
  int code(byte[] bytes, int from, int to) {
    int h = 1;
    for (int i = from; i < to; i++) {
      h = 31 * h + bytes[i];
    }
    int mask = slots.length - 1;
    for (int s = mix(h) & mask; ; s = (s + 1) & mask) {
      int entry = slots[s];
      if (entry == 0) {
        int code = add(bytes, from, to, h);
        slots[s] = code + 1;
        if (size * 2 > slots.length) {
          rehash();
        }
        return code;
      }
      int code = entry - 1;
      if (hashes[code] == h && equal(code, bytes, from, to)) {
        return code;
      }
    }
  }

  /** The number of distinct values. */
  int size() {
    return size;
  }

  /** The values, by code. */
  String[] levels() {
    String[] out = new String[size];
    for (int c = 0; c < size; c++) {
      out[c] = new String(pool, offsets[c], offsets[c + 1] - offsets[c], StandardCharsets.UTF_8);
    }
    return out;
  }

  private int add(byte[] bytes, int from, int to, int h) {
    int length = to - from;
    if (poolLength + length > pool.length) {
      pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolLength + length));
    }
    System.arraycopy(bytes, from, pool, poolLength, length);
    if (size + 2 > offsets.length) {
      offsets = Arrays.copyOf(offsets, offsets.length * 2);
      hashes = Arrays.copyOf(hashes, hashes.length * 2);
    }
    offsets[size] = poolLength;
    poolLength += length;
    offsets[size + 1] = poolLength;
    hashes[size] = h;
    return size++;
  }

  private boolean equal(int code, byte[] bytes, int from, int to) {
    int start = offsets[code];
    if (offsets[code + 1] - start != to - from) {
      return false;
    }
    for (int i = from, j = start; i < to; i++, j++) {
      if (bytes[i] != pool[j]) {
        return false;
      }
    }
    return true;
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    int mask = slots.length - 1;
    for (int code = 0; code < size; code++) {
      int s = mix(hashes[code]) & mask;
      while (slots[s] != 0) {
        s = (s + 1) & mask;
      }
      slots[s] = code + 1;
    }
  }

  private static int mix(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }
}
