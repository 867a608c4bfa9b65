package io.cncfdemo.internal.benchmark.html;

import java.util.ArrayList;
import java.util.List;

/** A linear axis from 0 (or the data's minimum) to a round maximum, with 4 to 6 round ticks. */
final class Scale {
  final double min;
  final double max;
  final double step;

  private Scale(double min, double max, double step) {
    this.min = min;
    this.max = max;
    this.step = step;
  }

  static Scale of(double min, double max) {
    if (!(max > min)) {
      max = min + 1;
    }
    double step = niceStep((max - min) / 5);
    double low = Math.floor(min / step) * step;
    double high = Math.ceil(max / step) * step;
    return new Scale(low, high, step);
  }

  private static double niceStep(double raw) {
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double fraction = raw / power;
    double nice =
        fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
    return nice * power;
  }

  List<Double> ticks() {
    var ticks = new ArrayList<Double>();
    for (double tick = min; tick <= max + step / 2; tick += step) {
      ticks.add(Math.abs(tick) < step * 1e-9 ? 0 : tick);
    }
    return ticks;
  }

  /** A tick's label: as many decimals as the step needs, none from 1 up. */
  String label(double tick) {
    int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
    return String.format(java.util.Locale.ROOT, "%,." + decimals + "f", tick);
  }

  /** {@code value} mapped to {@code [from, to]}. */
  double map(double value, double from, double to) {
    return from + (value - min) / (max - min) * (to - from);
  }
}
