package io.github.demarche.data;

/**
 * Input data that cannot be used, with where the problem is: the file, the line (from 1) and the
 * field where known. {@link #getMessage()} is one line fit to show a user. Immutable.
 */
public final class DataException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final long line;
  private final String field;
  private final String problem;

  /**
   * @param file the file name as the user gave it, or "-" for standard input
   * @param line the line number from 1, or 0 when the problem is not on one line
   * @param field the JSON field at fault, or null
   * @param problem what is wrong, e.g. "is not valid JSON"
   */
  public DataException(String file, long line, String field, String problem) {
    super(format(file, line, field, problem));
    this.file = file;
    this.line = line;
    this.field = field;
    this.problem = problem;
  }

  private static String format(String file, long line, String field, String problem) {
    // a file name is input too: a line break or an escape sequence in it must not break the line
    StringBuilder sb = new StringBuilder(Printable.oneLine(file));
    if (line > 0) {
      sb.append(':').append(line);
    }
    sb.append(": ");
    if (field != null) {
      sb.append("field '").append(field).append("' ");
    }
    // the problem may quote the input (a bad JSON token, say): keep it one safe line
    return sb.append(Printable.oneLine(problem)).toString();
  }

  public String file() {
    return file;
  }

  /** The line number from 1, or 0 when the problem concerns the whole file. */
  public long line() {
    return line;
  }

  /** The JSON field at fault, or null. */
  public String field() {
    return field;
  }

  /** What is wrong, without the place (as given to the constructor). */
  public String problem() {
    return problem;
  }
}
