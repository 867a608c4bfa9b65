package io.cncfdemo.internal.benchmark.html;

/** One series of a bar chart: a value per category, {@code NaN} where it has none. */
record Bars(String name, String key, double[] values) {}
