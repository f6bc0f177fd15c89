package dev.resltj.trainer.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub-flavoured Markdown table, columns padded so the raw file reads as well as the render.
 */
final class MarkdownTable {
  enum Align {
    LEFT,
    RIGHT
  }

  private final List<String> headers;
  private final List<Align> aligns;
  private final List<List<String>> rows = new ArrayList<>();

  private MarkdownTable(List<String> headers, List<Align> aligns) {
    this.headers = headers;
    this.aligns = aligns;
  }

  /** A table whose first {@code textColumns} columns are left-aligned, the rest (numbers) right. */
  static MarkdownTable withHeaders(int textColumns, String... headers) {
    List<Align> aligns = new ArrayList<>();
    for (int i = 0; i < headers.length; i++) {
      aligns.add(i < textColumns ? Align.LEFT : Align.RIGHT);
    }
    return new MarkdownTable(List.of(headers), aligns);
  }

  MarkdownTable row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells, table has " + headers.size() + " columns");
    }
    List<String> row = new ArrayList<>(cells.length);
    for (Object cell : cells) {
      row.add(escape(String.valueOf(cell)));
    }
    rows.add(row);
    return this;
  }

  private static String escape(String cell) {
    return cell.replace("|", "\\|").replace("\n", " ");
  }

  String render() {
    int[] widths = new int[headers.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = Math.max(3, headers.get(c).length());
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    appendRow(out, headers, widths);
    out.append('|');
    for (int c = 0; c < widths.length; c++) {
      out.append(' ');
      if (aligns.get(c) == Align.RIGHT) {
        out.append("-".repeat(widths[c] - 1)).append(':');
      } else {
        out.append("-".repeat(widths[c]));
      }
      out.append(" |");
    }
    out.append('\n');
    for (List<String> row : rows) {
      appendRow(out, row, widths);
    }
    return out.toString();
  }

  private void appendRow(StringBuilder out, List<String> cells, int[] widths) {
    out.append('|');
    for (int c = 0; c < widths.length; c++) {
      String cell = cells.get(c);
      String pad = " ".repeat(widths[c] - cell.length());
      out.append(' ');
      if (aligns.get(c) == Align.RIGHT) {
        out.append(pad).append(cell);
      } else {
        out.append(cell).append(pad);
      }
      out.append(" |");
    }
    out.append('\n');
  }
}
