package io.cncfdemo.cli.kubectl;

import java.util.Comparator;

/**
 * The order go-yaml v2 sorts mapping keys in, which kubectl's YAML follows: letters by code point,
 * a non-letter before a letter, and runs of digits by their numeric value, so {@code a9} comes
 * before {@code a10}.
 */
final class GoYamlKeyOrder implements Comparator<String> {
  static final GoYamlKeyOrder INSTANCE = new GoYamlKeyOrder();

  private GoYamlKeyOrder() {}

  @Override
  public int compare(String left, String right) {
    if (left.equals(right)) {
      return 0;
    }
    return less(left, right) ? -1 : less(right, left) ? 1 : 0;
  }

  private static boolean less(String left, String right) {
    int[] a = left.codePoints().toArray();
    int[] b = right.codePoints().toArray();
    for (int i = 0; i < a.length && i < b.length; i++) {
      if (a[i] == b[i]) {
        continue;
      }
      boolean aLetter = Character.isLetter(a[i]);
      boolean bLetter = Character.isLetter(b[i]);
      if (aLetter && bLetter) {
        return a[i] < b[i];
      }
      if (aLetter || bLetter) {
        return bLetter;
      }
      long an = 0;
      long bn = 0;
      if (a[i] == '0' || b[i] == '0') {
        for (int j = i - 1; j >= 0 && Character.isDigit(a[j]); j--) {
          if (a[j] != '0') {
            an = 1;
            bn = 1;
            break;
          }
        }
      }
      int ai = i;
      for (; ai < a.length && Character.isDigit(a[ai]); ai++) {
        an = an * 10 + (a[ai] - '0');
      }
      int bi = i;
      for (; bi < b.length && Character.isDigit(b[bi]); bi++) {
        bn = bn * 10 + (b[bi] - '0');
      }
      if (an != bn) {
        return an < bn;
      }
      if (ai != bi) {
        return ai < bi;
      }
      return a[i] < b[i];
    }
    return a.length < b.length;
  }
}
