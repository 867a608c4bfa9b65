package io.cncfdemo.cli.demo;

import io.cncfdemo.deploy.WorkloadStatus;
import java.util.List;

/** The workloads of a demo as a table: {@code KIND NAME READY}. */
final class WorkloadTable {
  private WorkloadTable() {}

  static String render(List<WorkloadStatus> workloads) {
    int kind = Math.max(4, workloads.stream().mapToInt(w -> w.kind().length()).max().orElse(0));
    int name = Math.max(4, workloads.stream().mapToInt(w -> w.name().length()).max().orElse(0));
    var row = "%-" + kind + "s   %-" + name + "s   %s%n";
    var out = new StringBuilder(String.format(row, "KIND", "NAME", "READY"));
    for (var workload : workloads) {
      out.append(
          String.format(
              row, workload.kind(), workload.name(), workload.ready() + "/" + workload.desired()));
    }
    return out.toString();
  }
}
