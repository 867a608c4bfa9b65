package io.cncfdemo.internal.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenTest {

  @Test
  void aTokenIs128RandomBits_inHex() {
    var one = Token.random();
    var other = Token.random();

    assertThat(one.value()).matches("[0-9a-f]{32}");
    assertThat(one.value()).isNotEqualTo(other.value());
  }

  @Test
  void onlyPathsUnderTheToken_areAdmitted() {
    var token = Token.random();
    var t = token.value();

    assertThat(token.admits("/" + t + "/")).isTrue();
    assertThat(token.admits("/" + t)).isTrue();
    assertThat(token.admits("/" + t + "/events")).isTrue();
    assertThat(token.admits("/")).isFalse();
    assertThat(token.admits("/events")).isFalse();
    assertThat(token.admits("/" + t + "x/")).isFalse();
    assertThat(token.admits("/" + t.substring(1) + "0/")).isFalse();
    assertThat(token.admits("//" + t + "/")).isFalse();
    assertThat(token.admits("")).isFalse();
  }
}
