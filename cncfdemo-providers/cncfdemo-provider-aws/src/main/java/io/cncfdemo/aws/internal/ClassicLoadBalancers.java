package io.cncfdemo.aws.internal;

import io.cncfdemo.aws.dns.SignedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Classic ELBs through the ELB Query API ({@link AwsClients#classicElb()}): those carrying a tag,
 * every page of {@code DescribeLoadBalancers} and their tags read in batches, and their deletion.
 */
final class ClassicLoadBalancers {
  private final SignedQuery elb;

  ClassicLoadBalancers(SignedQuery elb) {
    this.elb = elb;
  }

  /** The names of the balancers carrying the tag {@code tagKey}. */
  List<String> tagged(String tagKey) {
    var names = new ArrayList<String>();
    var marker = "";
    do {
      var parameters = new LinkedHashMap<String, String>();
      if (!marker.isEmpty()) {
        parameters.put("Marker", marker);
      }
      var answer = elb.call("DescribeLoadBalancers", parameters);
      var descriptions = answer.getElementsByTagName("LoadBalancerDescriptions");
      for (int i = 0; i < descriptions.getLength(); i++) {
        for (var member : SignedQuery.children((Element) descriptions.item(i), "member")) {
          names.add(SignedQuery.text(member, "LoadBalancerName"));
        }
      }
      var next = answer.getElementsByTagName("NextMarker");
      marker = next.getLength() == 0 ? "" : next.item(0).getTextContent().trim();
    } while (!marker.isEmpty());
    var tagged = new ArrayList<String>();
    for (int from = 0; from < names.size(); from += LoadBalancers.TAGS_PER_CALL) {
      var parameters = new LinkedHashMap<String, String>();
      var batch = names.subList(from, Math.min(names.size(), from + LoadBalancers.TAGS_PER_CALL));
      for (int i = 0; i < batch.size(); i++) {
        parameters.put("LoadBalancerNames.member." + (i + 1), batch.get(i));
      }
      var answer = elb.call("DescribeTags", parameters);
      var descriptions = answer.getElementsByTagName("TagDescriptions");
      for (int i = 0; i < descriptions.getLength(); i++) {
        for (var member : SignedQuery.children((Element) descriptions.item(i), "member")) {
          var keys =
              SignedQuery.child(member, "Tags").stream()
                  .flatMap(tags -> SignedQuery.children(tags, "member").stream())
                  .map(tag -> SignedQuery.text(tag, "Key"));
          if (keys.anyMatch(tagKey::equals)) {
            tagged.add(SignedQuery.text(member, "LoadBalancerName"));
          }
        }
      }
    }
    return tagged;
  }

  void delete(String name) {
    elb.call("DeleteLoadBalancer", Map.of("LoadBalancerName", name));
  }
}
