package io.herald.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptEncodingTest {

    @ParameterizedTest(name = "Accept-Encoding [{0}] allows gzip: {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL|false",
            "''|false",
            "gzip|true",
            "GZip|true",
            "x-gzip|true",
            "gzip, deflate, br, zstd|true",
            "br,gzip|true",
            "deflate, br|false",
            "identity|false",
            "*|true",
            "*;q=0|false",
            "gzip;q=0|false",
            "gzip; q=0.000|false",
            "gzip;q=0.001|true",
            "gzip ; q=0.5, br|true",
            "gzip;Q=1|true",
            "gzip;q=0, *|false",
            "br;q=1, *;q=0.1|true",
            "gzip;q=abc|false",
            "gzip;level=1|true",
            "gzipx|false",
            "notgzip|false",
            "' gzip '|true"
    })
    void shouldAllowGzipOnlyWhenTheClientAcceptsIt(String header, boolean expected) {
        assertThat(AcceptEncoding.acceptsGzip(header)).isEqualTo(expected);
    }
}
