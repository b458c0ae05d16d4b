package dev.retention.engage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void linksKeepTheirAddressAndBlocksBecomeLines() {
        String text = HtmlText.toText("<html><head><style>p{}</style><title>x</title></head><body><h1>Hi &amp; welcome"
                + "</h1><p>See <a href=\"https://shop.test/c/1\">our   shop</a></p><img src=\"x.gif\"></body></html>");
        assertThat(text).isEqualTo("Hi & welcome\nSee our shop (https://shop.test/c/1)\n");
    }
}
