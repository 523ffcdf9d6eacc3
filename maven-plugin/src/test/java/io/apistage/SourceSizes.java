package io.apistage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures a Java source the way the size rule of docs/architecture.md counts, with a heuristic
 * that needs no parser:
 *
 * <ul>
 *   <li>a <b>class</b> is its file: the file's line count;
 *   <li>a <b>method</b> (or constructor, compact constructor, initializer) runs from the line of
 *       its name to the line of its closing brace, found by matching braces once comments, string
 *       and character literals and text blocks are blanked out. A {@code {} directly in a type
 *       body opens a method unless its header (the text since the previous {@code ;}, {@code {}
 *       or {@code }}) declares a type, assigns a field, or is an enum constant; everything nested
 *       in a method (lambdas, local and anonymous classes) counts toward that method.
 * </ul>
 *
 * <p>Run it by hand to list what is over the limits: {@code java
 * src/test/java/io/apistage/SourceSizes.java src/main/java 60 450}.
 */
final class SourceSizes {

  /** A method's name, where it starts and how many lines it spans. */
  record Method(String name, int line, int lines) {}

  private static final Pattern TYPE_KEYWORD =
      Pattern.compile("(?<![\\w.@])(class|interface|enum|record)\\s+[A-Za-z_]");
  private static final Pattern NAME_BEFORE_PAREN = Pattern.compile("([A-Za-z_$][\\w$]*)\\s*$");

  private SourceSizes() {}

  /** The methods of a source text, in order of their closing brace. */
  static List<Method> methods(String source) {
    String code = blank(source);
    List<Method> methods = new ArrayList<>();
    Deque<Frame> frames = new ArrayDeque<>();
    int headerStart = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == ';') {
        if (!frames.isEmpty()) {
          frames.peek().sawSemicolon = true;
        }
        headerStart = i + 1;
      } else if (c == '{') {
        Frame outer = frames.peek();
        String header = code.substring(headerStart, i);
        frames.push(open(outer, header, code, headerStart));
        headerStart = i + 1;
      } else if (c == '}') {
        Frame closed = frames.pop();
        if (closed.kind == Kind.METHOD) {
          int end = lineOf(code, i);
          methods.add(new Method(closed.name, closed.line, end - closed.line + 1));
        }
        headerStart = i + 1;
      }
    }
    return methods;
  }

  private enum Kind {
    TYPE,
    ENUM,
    METHOD,
    OTHER
  }

  private static final class Frame {
    final Kind kind;
    final String name;
    final int line;
    boolean sawSemicolon;

    Frame(Kind kind, String name, int line) {
      this.kind = kind;
      this.name = name;
      this.line = line;
    }
  }

  private static Frame open(Frame outer, String header, String code, int headerStart) {
    boolean inTypeBody = outer == null || outer.kind == Kind.TYPE || outer.kind == Kind.ENUM;
    if (!inTypeBody) {
      return new Frame(Kind.OTHER, "", 0);
    }
    String flat = topLevel(header);
    Matcher type = TYPE_KEYWORD.matcher(flat);
    if (type.find()) {
      return new Frame(type.group(1).equals("enum") ? Kind.ENUM : Kind.TYPE, "", 0);
    }
    if (outer != null && outer.kind == Kind.ENUM && !outer.sawSemicolon) {
      return new Frame(Kind.TYPE, "", 0); // the body of an enum constant
    }
    if (flat.contains("=")) {
      return new Frame(Kind.OTHER, "", 0); // a field's initializer
    }
    int paren = flat.lastIndexOf('(');
    String beforeParen = paren < 0 ? flat.strip() : flat.substring(0, paren);
    Matcher name = NAME_BEFORE_PAREN.matcher(beforeParen);
    String methodName = name.find() ? name.group(1) : "<init>";
    int offset = headerStart + firstCode(header, paren < 0 ? -1 : name.start(1));
    return new Frame(Kind.METHOD, methodName, lineOf(code, offset));
  }

  /** The header with everything inside parentheses blanked, so only its top level is read. */
  private static String topLevel(String header) {
    StringBuilder out = new StringBuilder(header.length());
    int depth = 0;
    for (char c : header.toCharArray()) {
      if (c == ')') {
        depth--;
      }
      out.append(depth > 0 ? ' ' : c);
      if (c == '(') {
        depth++;
      }
    }
    return out.toString();
  }

  /** Where the method's name is in the header, or its first non-blank character. */
  private static int firstCode(String header, int nameIndex) {
    if (nameIndex >= 0) {
      return nameIndex;
    }
    for (int i = 0; i < header.length(); i++) {
      if (!Character.isWhitespace(header.charAt(i))) {
        return i;
      }
    }
    return header.length();
  }

  private static int lineOf(String code, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (code.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** Comments and literals replaced by spaces, line breaks kept, so braces in them don't count. */
  static String blank(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      int end;
      if (source.startsWith("//", i)) {
        end = source.indexOf('\n', i);
        end = end < 0 ? n : end;
      } else if (source.startsWith("/*", i)) {
        end = source.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
      } else if (source.startsWith("\"\"\"", i)) {
        end = source.indexOf("\"\"\"", i + 3);
        while (end > 0 && source.charAt(end - 1) == '\\') {
          end = source.indexOf("\"\"\"", end + 1);
        }
        end = end < 0 ? n : end + 3;
      } else if (c == '"' || c == '\'') {
        end = i + 1;
        while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(n, end + 1);
      } else {
        out.append(c);
        i++;
        continue;
      }
      for (int k = i; k < end; k++) {
        out.append(source.charAt(k) == '\n' ? '\n' : ' ');
      }
      i = end;
    }
    return out.toString();
  }

  /** Lists the files over the class limit and the methods over the method limit. */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "src/main/java");
    int methodLimit = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    int classLimit = args.length > 2 ? Integer.parseInt(args[2]) : 450;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String text = Files.readString(file);
        long lines = text.lines().count();
        if (lines > classLimit) {
          System.out.println("class  " + lines + " " + file);
        }
        for (Method m : methods(text)) {
          if (m.lines() > methodLimit) {
            System.out.println(
                "method " + m.lines() + " " + file + ":" + m.line() + " " + m.name());
          }
        }
      }
    }
  }
}
