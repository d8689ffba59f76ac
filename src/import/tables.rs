//! Tables in the forms transcriptions bring them, made the pipe tables that annals Markdown
//! reads: Pandoc's and reStructuredText's grid tables (`+----+----+` borders) and a wiki's
//! table markup (`{| … |}`). A cell that runs over several lines of a grid is joined into
//! one line; a table without a header row takes its first row as the header, since a pipe
//! table must have one.

/// Pipe-table lines for rows of cells, the first row as the header.
pub fn pipe_table(rows: &[Vec<String>]) -> Vec<String> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let line = |row: &[String]| {
        let cells: Vec<String> = (0..columns)
            .map(|i| row.get(i).map_or(String::new(), |c| cell_text(c)))
            .collect();
        format!("| {} |", cells.join(" | "))
    };
    let mut lines = Vec::with_capacity(rows.len() + 1);
    if let Some((header, body)) = rows.split_first() {
        lines.push(line(header));
        lines.push(format!("|{}", " --- |".repeat(columns)));
        lines.extend(body.iter().map(|row| line(row)));
    }
    lines
}

/// A cell's text on one line, its pipes escaped so that they do not split it.
fn cell_text(cell: &str) -> String {
    cell.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

/// Whether a line is a grid table's border: `+---+---+` or the header's `+===+===+`.
fn is_grid_border(line: &str) -> bool {
    let line = line.trim();
    line.len() >= 3
        && line.starts_with('+')
        && line.ends_with('+')
        && line.contains(['-', '='])
        && line.chars().all(|c| matches!(c, '+' | '-' | '=' | ':'))
}

/// The rows of a grid table whose lines are `lines` (first and last a border), or `None`
/// when they are not one. Columns are where the first border has its `+`.
pub fn grid_rows(lines: &[&str]) -> Option<Vec<Vec<String>>> {
    let first = lines.first()?.trim();
    if lines.len() < 3 || !is_grid_border(first) || !is_grid_border(lines.last()?) {
        return None;
    }
    let stops: Vec<usize> = first
        .char_indices()
        .filter(|(_, c)| *c == '+')
        .map(|(i, _)| i)
        .collect();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = vec![String::new(); stops.len() - 1];
    let mut open = false;
    for line in &lines[1..] {
        let line = line.trim();
        if is_grid_border(line) {
            if open {
                rows.push(std::mem::replace(
                    &mut current,
                    vec![String::new(); stops.len() - 1],
                ));
                open = false;
            }
            continue;
        }
        if !line.starts_with('|') {
            return None;
        }
        let chars: Vec<char> = line.chars().collect();
        for (column, pair) in stops.windows(2).enumerate() {
            let part: String = chars
                .get(pair[0] + 1..pair[1].min(chars.len()))
                .map(|c| c.iter().collect())
                .unwrap_or_default();
            let part = part.trim_end_matches('|').trim();
            if !part.is_empty() {
                if !current[column].is_empty() {
                    current[column].push(' ');
                }
                current[column].push_str(part);
            }
        }
        open = true;
    }
    (!rows.is_empty()).then_some(rows)
}

/// Every grid table in a Markdown text made a pipe table, with how many there were.
pub fn grids_to_pipes(text: &str) -> (String, usize) {
    super::replace_line_runs(
        text,
        |line| line.trim_start().starts_with(['+', '|']),
        |run| {
            (run.len() >= 3)
                .then(|| grid_rows(run))
                .flatten()
                .map(|rows| pipe_table(&rows))
        },
    )
}

/// The rows of lines whose cells are parted by tabs, as a table copied from a web page or
/// a spreadsheet is: two lines or more, each with a tab. A copy loses the tabs of empty
/// cells at a line's end, so a row may be short; it is filled out.
pub fn tab_rows(lines: &[&str]) -> Option<Vec<Vec<String>>> {
    if lines.len() < 2 || !lines.iter().all(|l| l.contains('\t')) {
        return None;
    }
    let mut rows: Vec<Vec<String>> = lines
        .iter()
        .map(|l| {
            l.trim_end_matches([' ', '\r'])
                .split('\t')
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect();
    let columns = rows.iter().map(Vec::len).max()?;
    for row in &mut rows {
        row.resize(columns, String::new());
    }
    Some(rows)
}

/// Whether lines are already a pipe table: every line between pipes, the second a
/// separator of dashes.
pub fn is_pipe_table(lines: &[&str]) -> bool {
    let between_pipes = |l: &&str| {
        let l = l.trim();
        l.len() >= 2 && l.starts_with('|') && l.ends_with('|')
    };
    lines.len() >= 2
        && lines.iter().all(between_pipes)
        && lines[1]
            .trim()
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' '))
        && lines[1].contains('-')
}

/// A wiki table (`{|` … `|}`) read into its caption and rows: `|-` starts a row, `!` a
/// header cell and `|` a data cell (`!!` and `||` several on one line), an attribute part
/// (`style="…" | text`) left out.
pub fn wiki_rows(lines: &[&str]) -> (Option<String>, Vec<Vec<String>>) {
    let mut caption = None;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    for line in lines {
        let line = line.trim();
        if line.starts_with("{|") || line.starts_with("|}") {
            continue;
        }
        if let Some(text) = line.strip_prefix("|+") {
            caption = Some(without_attributes(text).to_string());
        } else if line.starts_with("|-") {
            if !row.is_empty() {
                rows.push(std::mem::take(&mut row));
            }
        } else if let Some(cells) = line.strip_prefix('!') {
            row.extend(cells.split("!!").map(|c| without_attributes(c).to_string()));
        } else if let Some(cells) = line.strip_prefix('|') {
            row.extend(cells.split("||").map(|c| without_attributes(c).to_string()));
        } else if let Some(last) = row.last_mut() {
            // A cell's text goes on on the next line.
            last.push(' ');
            last.push_str(line);
        }
    }
    if !row.is_empty() {
        rows.push(row);
    }
    (caption, rows)
}

/// A wiki cell's text without its attributes: `style="x" | text` is `text`.
fn without_attributes(cell: &str) -> &str {
    match cell.split_once('|') {
        Some((attributes, text)) if attributes.contains('=') && !attributes.contains("[[") => {
            text.trim()
        }
        _ => cell.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grid_table_with_a_header_and_a_cell_over_two_lines() {
        let grid = [
            "+------+-----------+",
            "| Year | Post      |",
            "+======+===========+",
            "| 1917 | Chairman  |",
            "+------+-----------+",
            "| 1921 | Delegate  |",
            "|      | (Tenth)   |",
            "+------+-----------+",
        ];
        let rows = grid_rows(&grid).unwrap();
        assert_eq!(
            pipe_table(&rows),
            [
                "| Year | Post |",
                "| --- | --- |",
                "| 1917 | Chairman |",
                "| 1921 | Delegate (Tenth) |"
            ]
        );
    }

    #[test]
    fn a_grid_table_in_markdown_is_made_a_pipe_table_and_the_rest_kept() {
        let text = "Before.\n\n+---+---+\n| a | b |\n+---+---+\n\n| x | y |\n";
        assert_eq!(
            grids_to_pipes(text),
            (
                "Before.\n\n| a | b |\n| --- | --- |\n\n| x | y |\n".to_string(),
                1
            )
        );
    }

    #[test]
    fn lines_that_only_look_like_a_grid_are_not_one() {
        assert!(grid_rows(&["+---+", "text", "+---+"]).is_none());
        assert!(grid_rows(&["+ a +", "| b |", "+ c +"]).is_none());
    }

    #[test]
    fn a_wiki_table_with_header_cells_attributes_and_a_caption() {
        let wiki = [
            "{| class=\"wikitable\"",
            "|+ Delegates by year",
            "|-",
            "! Year !! Post",
            "|-",
            "| 1917 || style=\"color:red\" | Chairman",
            "|-",
            "| 1921",
            "| Delegate | of the Tenth",
            "|}",
        ];
        let (caption, rows) = wiki_rows(&wiki);
        assert_eq!(caption.as_deref(), Some("Delegates by year"));
        assert_eq!(
            pipe_table(&rows),
            [
                "| Year | Post |",
                "| --- | --- |",
                "| 1917 | Chairman |",
                "| 1921 | Delegate \\| of the Tenth |"
            ]
        );
    }

    #[test]
    fn a_pipe_table_is_told_from_lines_with_pipes() {
        assert!(is_pipe_table(&["| a | b |", "| --- | --- |", "| 1 | 2 |"]));
        assert!(!is_pipe_table(&["| a | b |", "| 1 | 2 |"]));
    }
}
