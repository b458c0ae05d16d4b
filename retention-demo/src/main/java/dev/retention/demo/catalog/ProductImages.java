package dev.retention.demo.catalog;

/** Draws a product's picture as SVG from its shape and hue, so the same product always looks the same. */
public final class ProductImages {

    private ProductImages() {
    }

    public static String svg(Product product) {
        int hue = product.hue();
        String light = "hsl(" + hue + ",55%,92%)";
        String main = "hsl(" + hue + ",60%,48%)";
        String dark = "hsl(" + hue + ",55%,30%)";
        String accent = "hsl(" + ((hue + 40) % 360) + ",70%,60%)";
        StringBuilder svg = new StringBuilder(900);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 400\" width=\"400\" height=\"400\"")
                .append(" role=\"img\" aria-label=\"").append(escape(product.name())).append("\">")
                .append("<rect width=\"400\" height=\"400\" fill=\"").append(light).append("\"/>")
                .append("<circle cx=\"330\" cy=\"70\" r=\"").append(30 + product.id() % 30).append("\" fill=\"")
                .append(accent).append("\" opacity=\".35\"/>");
        switch (product.shape()) {
            case 0 -> svg.append("<rect x=\"120\" y=\"90\" width=\"160\" height=\"220\" rx=\"18\" fill=\"").append(main)
                    .append("\"/><rect x=\"140\" y=\"150\" width=\"120\" height=\"70\" rx=\"8\" fill=\"").append(light)
                    .append("\"/>");
            case 1 -> svg.append("<circle cx=\"200\" cy=\"210\" r=\"110\" fill=\"").append(main)
                    .append("\"/><circle cx=\"200\" cy=\"210\" r=\"55\" fill=\"").append(dark).append("\"/>");
            case 2 -> svg.append("<path d=\"M130 110h140l-15 200h-110z\" fill=\"").append(main)
                    .append("\"/><path d=\"M270 150c45 0 45 80 0 80\" stroke=\"").append(dark)
                    .append("\" stroke-width=\"16\" fill=\"none\"/>");
            case 3 -> svg.append("<polygon points=\"200,80 320,310 80,310\" fill=\"").append(main)
                    .append("\"/><circle cx=\"200\" cy=\"240\" r=\"35\" fill=\"").append(light).append("\"/>");
            case 4 -> svg.append("<rect x=\"90\" y=\"130\" width=\"220\" height=\"160\" rx=\"30\" fill=\"").append(main)
                    .append("\"/><rect x=\"160\" y=\"100\" width=\"80\" height=\"40\" rx=\"10\" fill=\"").append(dark)
                    .append("\"/>");
            default -> svg.append("<ellipse cx=\"200\" cy=\"220\" rx=\"130\" ry=\"85\" fill=\"").append(main)
                    .append("\"/><ellipse cx=\"200\" cy=\"200\" rx=\"70\" ry=\"35\" fill=\"").append(accent)
                    .append("\"/>");
        }
        svg.append("<text x=\"200\" y=\"370\" font-family=\"sans-serif\" font-size=\"22\" text-anchor=\"middle\" fill=\"")
                .append(dark).append("\">").append(escape(product.sku())).append("</text></svg>");
        return svg.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
