package org.outcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Keeps the documentation true: every {@code ```java} block of {@code README.md} and
 * {@code docs/*.md} is compiled (with the JDK's javac) against this module's test class path (which holds every library
 * module, the testkit and picocli) and run, and every {@code ./outcome ...} command line is parsed
 * against the command tree, and every relative link must name an existing file and heading. The
 * conventions a snippet follows are in {@code docs/README.md}
 * ("Code in these pages"):
 *
 * <ul>
 *   <li>A block that declares a top-level class is compiled as it stands. If the class has
 *       {@code public static void main(String[])}, that is run; otherwise every method annotated
 *       with JUnit's {@code @Test} is run on a new instance (so a snippet can be a JUnit test).
 *   <li>Any other block is its import lines followed by statements: the statements become the
 *       body of {@code public static void main(String[] args) throws Exception}.
 *   <li>Snippets run in one separate JVM whose working directory holds the files of
 *       {@code src/test/resources/docs-snippets/} (people.csv, episodes.csv, sessions.csv,
 *       answers files, evaluation.json), so a snippet reads {@code Path.of("people.csv")} as an
 *       embedder's program would.
 *   <li>A block fenced {@code ```java not-run} is neither compiled nor run: the Spark example of
 *       spark.md, which needs Spark (outcome-spark's OutcomeSparkDocsExampleTest runs its calls).
 * </ul>
 *
 * A failure names the Markdown file and line of the snippet (and of the compiler error).
 */
class DocsSnippetsTest {
  private static final Pattern FENCE = Pattern.compile("^(\\s*)```\\s*([A-Za-z]*)(.*)$");
  private static final Pattern TYPE = Pattern.compile(
      "(?m)^(?:public\\s+)?(?:final\\s+|abstract\\s+)*(?:class|record|interface|enum)\\s+(\\w+)");
  private static final Pattern INLINE_COMMAND = Pattern.compile("`(\\./outcome(?:\\s[^`]*)?)`");
  private static final Pattern SHELL_COMMAND = Pattern.compile("(?:^|\\s)(\\./outcome(?:\\s.*)?)$");
  private static final String START = "@@snippet-start ";
  private static final String OK = "@@snippet-ok ";
  private static final String FAIL = "@@snippet-fail ";

  /** One fenced block: where it is, its language and its lines (indentation of the fence removed). */
  record Block(Path file, int firstLine, String language, String info, List<String> lines) {
    String where(int line) {
      return root().relativize(file) + ":" + (firstLine + line - 1);
    }
  }

  @Test
  void everyJavaSnippetCompilesAndRuns(@TempDir Path temp) throws Exception {
    List<Block> snippets = blocks().stream()
        .filter(b -> b.language().equals("java") && !b.info().contains("not-run"))
        .toList();
    assertThat(snippets.size()).as("java snippets in README.md and docs/*.md").isGreaterThan(5);

    List<String> failures = new ArrayList<>();
    List<String> runArgs = new ArrayList<>();
    for (int i = 0; i < snippets.size(); i++) {
      Block b = snippets.get(i);
      Path out = Files.createDirectories(temp.resolve("classes/s" + i));
      Compiled c = compile(b, temp.resolve("src/s" + i), out);
      if (!c.errors().isEmpty()) {
        failures.addAll(c.errors());
      } else {
        runArgs.add(i + "=" + out + "=" + c.className());
      }
    }

    Path work = Files.createDirectories(temp.resolve("work"));
    copyWorkingFiles(work);
    String output = runForked(work, runArgs);
    for (String arg : runArgs) {
      int i = Integer.parseInt(arg.substring(0, arg.indexOf('=')));
      Block b = snippets.get(i);
      if (!output.contains(OK + i + "\n")) {
        failures.add(b.where(1) + ": the snippet failed when run:\n" + section(output, i));
      }
    }
    assertThat(failures).as("snippets that do not compile or do not run\n" + String.join("\n\n", failures))
        .isEmpty();
  }

  @Test
  void everyOutcomeCommandInTheDocsExists() throws IOException {
    CommandLine root = Main.commandLine();   // every subcommand
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Path file : markdownFiles()) {
      List<String> lines = Files.readAllLines(file);
      List<Block> blocks = blocks(file, lines);
      // command lines in sh/shell/bash blocks, continuation lines joined
      for (Block b : blocks) {
        if (!List.of("sh", "shell", "bash", "console").contains(b.language())) {
          continue;
        }
        for (int i = 0; i < b.lines().size(); i++) {
          int first = i;
          StringBuilder line = new StringBuilder(b.lines().get(i));
          while (line.toString().stripTrailing().endsWith("\\") && i + 1 < b.lines().size()) {
            String s = line.toString().stripTrailing();
            line = new StringBuilder(s.substring(0, s.length() - 1)).append(' ').append(b.lines().get(++i));
          }
          Matcher m = SHELL_COMMAND.matcher(withoutComment(line.toString()));
          if (m.find()) {
            checked++;
            check(root, m.group(1), b.where(first + 1), problems);
          }
        }
      }
      // command lines in inline code, outside fenced blocks
      boolean fenced = false;
      for (int i = 0; i < lines.size(); i++) {
        if (FENCE.matcher(lines.get(i)).matches()) {
          fenced = !fenced;
          continue;
        }
        if (fenced) {
          continue;
        }
        Matcher m = INLINE_COMMAND.matcher(lines.get(i));
        while (m.find()) {
          checked++;
          check(root, m.group(1), root().relativize(file) + ":" + (i + 1), problems);
        }
      }
    }
    assertThat(checked).as("./outcome command lines found").isGreaterThan(10);
    assertThat(problems).as("command lines naming a command or option that does not exist\n"
        + String.join("\n", problems)).isEmpty();
  }

  @Test
  void everyRelativeLinkInTheDocsResolves() throws IOException {
    Pattern link = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    List<String> problems = new ArrayList<>();
    for (Path file : markdownFiles()) {
      List<String> lines = Files.readAllLines(file);
      boolean fenced = false;
      for (int i = 0; i < lines.size(); i++) {
        if (FENCE.matcher(lines.get(i)).matches()) {
          fenced = !fenced;
          continue;
        }
        Matcher m = link.matcher(lines.get(i));
        while (!fenced && m.find()) {
          String target = m.group(1);
          if (target.matches("^[a-z]+:.*")) {
            continue; // https:, mailto:
          }
          int hash = target.indexOf('#');
          String path = hash < 0 ? target : target.substring(0, hash);
          Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
          String where = root().relativize(file) + ":" + (i + 1) + ": " + target;
          if (!Files.exists(resolved)) {
            problems.add(where + ": no such file");
          } else if (hash >= 0 && resolved.toString().endsWith(".md")
              && !headingAnchors(resolved).contains(target.substring(hash + 1))) {
            problems.add(where + ": no such heading");
          }
        }
      }
    }
    assertThat(problems).as("links to files or headings that do not exist\n" + String.join("\n", problems))
        .isEmpty();
  }

  /** GitHub's anchors for a Markdown file's headings: lower case, punctuation dropped, spaces to hyphens. */
  private static List<String> headingAnchors(Path file) throws IOException {
    List<String> anchors = new ArrayList<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(file)) {
      if (FENCE.matcher(line).matches()) {
        fenced = !fenced;
      } else if (!fenced && line.startsWith("#")) {
        String text = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
        StringBuilder anchor = new StringBuilder();
        text.codePoints().forEach(c -> {
          if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
            anchor.appendCodePoint(c);
          } else if (c == ' ') {
            anchor.append('-');
          }
        });
        anchors.add(anchor.toString());
      }
    }
    return anchors;
  }

  // --- commands ---

  private static String withoutComment(String line) {
    int hash = line.indexOf(" #");
    return hash < 0 ? line : line.substring(0, hash);
  }

  /** Walks the words of a command line down the command tree, then looks up every long option. */
  private static void check(CommandLine root, String commandLine, String where, List<String> problems) {
    List<String> words = new ArrayList<>(Arrays.asList(commandLine.trim().split("\\s+")));
    words.remove(0); // ./outcome
    CommandLine command = root;
    String path = "outcome";
    int i = 0;
    while (i < words.size() && command.getSubcommands().containsKey(words.get(i))) {
      command = command.getSubcommands().get(words.get(i));
      path += " " + words.get(i);
      i++;
    }
    if (path.equals("outcome spark")) { // outcome spark [--master URL] COMMAND...: check the command
      List<String> rest = new ArrayList<>(words.subList(i, words.size()));
      int master = rest.indexOf("--master");
      if (master >= 0) {
        rest.subList(master, Math.min(master + 2, rest.size())).clear();
      }
      check(root, "./outcome " + String.join(" ", rest), where, problems);
      return;
    }
    if (i < words.size() && !command.getSubcommands().isEmpty() && !words.get(i).startsWith("-")
        && !words.get(i).startsWith("[") && !words.get(i).equals("...")
        && !words.get(i).matches("[A-Z_]+")) { // COMMAND: a placeholder
      problems.add(where + ": '" + path + "' has no command '" + words.get(i) + "' (it has "
          + command.getSubcommands().keySet() + ")");
      return;
    }
    for (; i < words.size(); i++) {
      String word = words.get(i).replaceAll("^[\\[(]+", "");
      if (Stream.of(">", "2>", "|", "&&", ";").anyMatch(word::startsWith)) {
        break; // redirection or a pipe: the rest is not outcome's
      }
      if (!word.startsWith("--")) {
        continue;
      }
      String option = word.replaceAll("[=\\])|,].*$", "").replaceAll("[.:]+$", "");
      if (!hasOption(command, option)) {
        problems.add(where + ": '" + path + "' has no option " + option);
      }
    }
  }

  /** An option of the command, or the negated form ({@code --no-zph}) of a negatable one. */
  private static boolean hasOption(CommandLine command, String option) {
    if (command.getCommandSpec().findOption(option) != null) {
      return true;
    }
    if (option.startsWith("--no-")) {
      CommandLine.Model.OptionSpec positive = command.getCommandSpec().findOption("--" + option.substring(5));
      return positive != null && positive.negatable();
    }
    return false;
  }

  // --- compiling and running ---

  record Compiled(String className, List<String> errors) {}

  private static Compiled compile(Block b, Path src, Path out) throws IOException {
    String code = String.join("\n", b.lines());
    Matcher type = TYPE.matcher(code);
    String className;
    String source;
    int headerLines; // snippet lines before the line the wrapper adds (Integer.MAX_VALUE: none added)
    if (type.find()) {
      className = type.group(1);
      source = code;
      headerLines = Integer.MAX_VALUE;
    } else {
      className = "Snippet";
      int h = 0;
      while (h < b.lines().size()) {
        String l = b.lines().get(h).trim();
        if (!(l.isEmpty() || l.startsWith("import ") || l.startsWith("//"))) {
          break;
        }
        h++;
      }
      headerLines = h;
      source = String.join("\n", b.lines().subList(0, h))
          + (h > 0 ? "\n" : "")
          + "public class Snippet { public static void main(String[] args) throws Exception {\n"
          + String.join("\n", b.lines().subList(h, b.lines().size()))
          + "\n}}\n";
    }
    Files.createDirectories(src);
    Path file = src.resolve(className + ".java");
    Files.writeString(file, source);

    // java.util.spi.ToolProvider (java.base): this module's tests are compiled into the
    // org.outcome.cli module, which does not read java.compiler
    java.util.spi.ToolProvider javac = java.util.spi.ToolProvider.findFirst("javac").orElseThrow();
    StringWriter text = new StringWriter();
    int status;
    try (PrintWriter w = new PrintWriter(text)) {
      status = javac.run(w, w, "-classpath", testClassPath(), "-d", out.toString(), "-proc:none",
          "-encoding", "UTF-8", "-Xmaxerrs", "20", file.toString());
    }
    List<String> errors = new ArrayList<>();
    String report = text.toString();
    Matcher error = Pattern.compile("(?m)^.*\\.java:(\\d+): error: ").matcher(report);
    List<int[]> found = new ArrayList<>(); // start of the message, line in the generated source
    while (error.find()) {
      found.add(new int[] {error.end(), Integer.parseInt(error.group(1))});
    }
    for (int k = 0; k < found.size(); k++) {
      int from = found.get(k)[0];
      int to = k + 1 < found.size() ? report.lastIndexOf('\n', found.get(k + 1)[0]) : report.length();
      String message = report.substring(from, Math.max(from, to)).replaceAll("(?m)^\\d+ errors?$", "").strip();
      int line = found.get(k)[1];
      int snippetLine = line <= headerLines ? line : line - 1;
      errors.add(b.where(Math.max(1, snippetLine)) + ": does not compile: " + message);
    }
    if (status != 0 && errors.isEmpty()) {
      errors.add(b.where(1) + ": does not compile:\n" + report);
    }
    return new Compiled(className, errors);
  }

  /** Runs the compiled snippets in one JVM whose working directory is {@code work}. */
  private static String runForked(Path work, List<String> snippets) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", testClassPath(), Runner.class.getName()));
    command.addAll(snippets);
    Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    byte[] bytes;
    try (InputStream in = p.getInputStream()) {
      bytes = in.readAllBytes();
    }
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("snippets finish").isTrue();
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String section(String output, int i) {
    int from = output.indexOf(START + i + "\n");
    if (from < 0) {
      return output;
    }
    int to = output.indexOf(START, from + 1);
    return output.substring(from, to < 0 ? output.length() : to).strip();
  }

  /** Runs each snippet given as {@code index=classesDir=className}; prints a marker per outcome. */
  static final class Runner {
    public static void main(String[] args) throws Exception {
      PrintStream out = System.out;
      for (String arg : args) {
        String[] parts = arg.split("=", 3);
        out.print(START + parts[0] + "\n");
        out.flush();
        try (URLClassLoader loader = new URLClassLoader(
            new URL[] {Path.of(parts[1]).toUri().toURL()}, Runner.class.getClassLoader())) {
          Class<?> type = loader.loadClass(parts[2]);
          Method main = mainOf(type);
          if (main != null) {
            main.invoke(null, (Object) new String[0]);
          } else {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            int tests = 0;
            for (Method m : type.getDeclaredMethods()) {
              if (m.isAnnotationPresent(Test.class)) {
                m.setAccessible(true);
                m.invoke(constructor.newInstance());
                tests++;
              }
            }
            if (tests == 0) {
              throw new AssertionError("neither a main method nor a @Test method to run");
            }
          }
          System.out.flush();
          out.print(OK + parts[0] + "\n");
        } catch (InvocationTargetException e) {
          out.print(FAIL + parts[0] + "\n");
          e.getCause().printStackTrace(out);
        } catch (Throwable e) {
          out.print(FAIL + parts[0] + "\n");
          e.printStackTrace(out);
        }
        out.flush();
      }
    }

    private static Method mainOf(Class<?> type) {
      try {
        Method m = type.getDeclaredMethod("main", String[].class);
        return Modifier.isStatic(m.getModifiers()) ? m : null;
      } catch (NoSuchMethodException e) {
        return null;
      }
    }
  }

  // --- files ---

  private static Path root() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs"))) {
        return p;
      }
    }
    throw new IllegalStateException("no README.md with a docs/ folder above " + here);
  }

  private static List<Path> markdownFiles() throws IOException {
    List<Path> files = new ArrayList<>(List.of(root().resolve("README.md")));
    try (Stream<Path> docs = Files.list(root().resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    return files;
  }

  private static List<Block> blocks() throws IOException {
    List<Block> all = new ArrayList<>();
    for (Path file : markdownFiles()) {
      all.addAll(blocks(file, Files.readAllLines(file)));
    }
    return all;
  }

  private static List<Block> blocks(Path file, List<String> lines) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      String indent = open.group(1);
      List<String> body = new ArrayList<>();
      int j = i + 1;
      while (j < lines.size() && !lines.get(j).trim().equals("```")) {
        String l = lines.get(j);
        body.add(l.startsWith(indent) ? l.substring(indent.length()) : l.stripLeading());
        j++;
      }
      blocks.add(new Block(file, i + 2, open.group(2).toLowerCase(Locale.ROOT), open.group(3).trim(), body));
      i = j;
    }
    return blocks;
  }

  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  private static void copyWorkingFiles(Path work) throws Exception {
    URI dir = DocsSnippetsTest.class.getResource("/docs-snippets/people.csv").toURI();
    Path from = Path.of(dir).getParent();
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, work.resolve(f.getFileName().toString()));
      }
    }
  }
}
