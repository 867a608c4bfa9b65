package io.cncfdemo.bootstrap;

import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * A {@code #cloud-config} document rendered as YAML by snakeyaml-engine, never by pasting text.
 * cloud-init reads YAML 1.1 (PyYAML), where {@code 0644} is an octal number and {@code yes} a
 * boolean: plain scalars that either YAML 1.2's core schema or YAML 1.1's booleans would read as
 * other than text are quoted. Multi-line text is written as literal blocks.
 */
final class CloudConfig {
  private static final Pattern YAML11_BOOL =
      Pattern.compile("y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF");
  private static final CoreScalarResolver YAML11_SAFE = yaml11Safe();
  private static final DumpSettings YAML_SETTINGS =
      DumpSettings.builder()
          .setDefaultFlowStyle(FlowStyle.BLOCK)
          .setSchema(
              new CoreSchema() {
                @Override
                public ScalarResolver getScalarResolver() {
                  return YAML11_SAFE;
                }
              })
          .build();

  private CloudConfig() {}

  static String render(Map<String, Object> config) {
    return "#cloud-config\n" + new Dump(YAML_SETTINGS).dumpToString(config);
  }

  private static CoreScalarResolver yaml11Safe() {
    var resolver = new CoreScalarResolver(false);
    resolver.addImplicitResolver(Tag.BOOL, YAML11_BOOL, "yYnNoO");
    return resolver;
  }
}
