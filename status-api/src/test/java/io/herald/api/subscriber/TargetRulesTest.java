package io.herald.api.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetRulesTest {

    @ParameterizedTest(name = "{0} -> accepted: {1}")
    @CsvSource(delimiter = '|', value = {
            "helpdesk@example.org | true",
            "first.last+status@mail.example.co.uk | true",
            "o'brien@example.ie | true",
            "HELPDESK@EXAMPLE.ORG | true",
            "helpdesk | false",
            "helpdesk@ | false",
            "@example.org | false",
            "help desk@example.org | false",
            "helpdesk@example | false",
            "a@b@example.org | false",
            ".helpdesk@example.org | false",
            "help..desk@example.org | false",
            "helpdesk@-example.org | false",
            "helpdesk@example..org | false",
            "helpdesk@example.org,x@example.org | false"})
    void shouldAcceptOnlyMailAddresses(String address, boolean accepted) {
        assertThat(TargetRules.checkEmail(address).isEmpty()).isEqualTo(accepted);
    }

    @ParameterizedTest(name = "{0} -> accepted: {1}")
    @CsvSource(delimiter = '|', value = {
            "https://helpdesk.example.org/hooks/herald | true",
            "http://helpdesk.example.org:8080/h?team=mail | true",
            "https://203.0.113.7/hook | true",
            "https://[2001:db8::1]/hook | true",
            "ftp://helpdesk.example.org/hook | false",
            "helpdesk.example.org/hook | false",
            "https://user:pass@helpdesk.example.org/hook | false",
            "https://helpdesk.example.org/hook#part | false",
            "https:///hook | false",
            "https://exa mple.org/hook | false",
            "https://under_score.example.org/ | false",
            "javascript:alert(1) | false"})
    void shouldAcceptOnlyHttpUrlsWithAHost(String url, boolean accepted) {
        assertThat(TargetRules.checkWebhookUrl(url).isEmpty()).isEqualTo(accepted);
    }

    @ParameterizedTest(name = "{0} private: {1}")
    @CsvSource({
            "127.0.0.1, true",
            "127.8.9.10, true",
            "10.1.2.3, true",
            "172.16.0.1, true",
            "172.31.255.255, true",
            "172.32.0.1, false",
            "192.168.1.1, true",
            "169.254.169.254, true",
            "100.64.0.1, true",
            "100.128.0.1, false",
            "0.0.0.0, true",
            "224.0.0.1, true",
            "8.8.8.8, false",
            "203.0.113.7, false",
            "::1, true",
            "::, true",
            "fe80::1, true",
            "fd12:3456::1, true",
            "fc00::1, true",
            "::ffff:10.0.0.1, true",
            "::ffff:8.8.8.8, false",
            "2001:db8::1, false",
            "2606:4700::1111, false"})
    void shouldTellPrivateAddresses(String address, boolean isPrivate) throws Exception {
        assertThat(TargetRules.isPrivate(InetAddress.getByName(address))).isEqualTo(isPrivate);
    }
}
