package io.cncfdemo.cli.progress;

/** No progress output: for {@code --output json}, where the output is one JSON document. */
final class SilentProgress implements Progress {
  @Override
  public void phase(String text) {}

  @Override
  public void advance(int done, int total, String detail) {}

  @Override
  public void note(String text) {}

  @Override
  public void finish(String text) {}

  @Override
  public void close() {}
}
