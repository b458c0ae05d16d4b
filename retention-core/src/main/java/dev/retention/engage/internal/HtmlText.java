package dev.retention.engage.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a rendered e-mail into its plain-text alternative: links become "label (url)", blocks become lines. */
final class HtmlText {

    private static final Pattern HEAD = Pattern.compile("(?is)<(head|style|script)[^>]*>.*?</\\1>");
    private static final Pattern LINK = Pattern.compile("(?is)<a\\s[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>");
    private static final Pattern BLOCK_END = Pattern.compile("(?i)<br\\s*/?>|</(p|div|h[1-6]|li|tr|table)>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private HtmlText() {
    }

    static String toText(String html) {
        String text = HEAD.matcher(html).replaceAll("");
        Matcher links = LINK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (links.find()) {
            String label = TAG.matcher(links.group(2)).replaceAll("").trim();
            String url = links.group(1);
            links.appendReplacement(out, Matcher.quoteReplacement(label.isEmpty() ? url : label + " (" + url + ")"));
        }
        links.appendTail(out);
        text = BLOCK_END.matcher(out).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        StringBuilder lines = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip().replaceAll("[ \\t]+", " ");
            if (!trimmed.isEmpty()) {
                lines.append(trimmed).append('\n');
            }
        }
        return lines.toString();
    }
}
