"""Session 33's tool chains for Scripts/fix-audit-corpus.py (`--chains tools`; `every` does not include them, so
earlier seeds are unchanged): files as SQL clients, pandas, Excel, Get-ADUser, Outlook and Google Contacts, appends,
interrupted copies and `cat` make them.

Each file is written piece by piece (lines a tool adds, the header, one piece per record) so that a record's
cells as written are what a CSV reader parses from its own piece, decoded in the piece's encoding, and its line
is counted from the pieces before it. A cell's truth is the value the source held; where the file lost it, null.
"Readable" False means the target cannot import the file as meant (a header it does not know, a line it would
take for a record, a cut record, a byte it rejects): `check` must not pass it. None: the vendor does not say.
"""
import csv, io, json, os, unicodedata

TOOL_CHAINS = ["sqlcmd", "sqlcmd-w", "bcp-c", "mysql-batch", "psql-a", "pandas", "excel-numbers", "ps51-adprops",
               "outlook-receptionist", "gcontacts-receptionist", "export-append", "cut-off", "cat-bom-middle"]
# Columns a SQL table holds as numbers (sqlcmd right-aligns them)
NUMERIC_COLS = {"Employee ID", "Identification", "Cost Per Hour"}
ADPROP_TYPES = ["Microsoft.ActiveDirectory.Management.ADPropertyValueCollection", "System.Object[]"]
# The column a script fills from a multi-valued attribute (proxyAddresses, memberOf, otherMobile, otherTelephone)
ADPROP_COLS = {"people": ["Primary Email", "Organization", "Site"], "contacts": ["Contact URI"],
               "receptionist": ["Email", "SMS Phone", "Department"]}
OUTLOOK_EXTRA = ["Middle Name", "Company", "Business Phone", "E-mail Type", "E-mail Display Name"]
GOOGLE_EXTRA = ["Group Membership", "E-mail 2 - Value", "Phone 1 - Label", "Organization Name"]


class Doc:
    """A file built from pieces: (text, codec, record index or None)."""

    def __init__(self, delim, eol="\r\n"):
        self.delim, self.eol, self.pieces, self.prefix = delim, eol, [], b""

    def line(self, text, codec):
        self.pieces.append((text + self.eol, codec, None))

    def record(self, r, text, codec, eol=True):
        self.pieces.append((text + (self.eol if eol else ""), codec, r))

    def data(self):
        return self.prefix + b"".join(encoded(text, codec) for text, codec, _ in self.pieces)

    def parsed(self):
        """Per record index: (first line, cells as a reader sees them); and the header's cells."""
        out, line, header = {}, 1, None
        for k, (text, codec, r) in enumerate(self.pieces):
            decoded = encoded(text, codec).decode(codec, errors="replace")
            if r is not None:
                rows = list(csv.reader(io.StringIO(decoded, newline=""), delimiter=self.delim))
                out[r] = (line, rows[0] if rows else [])
            elif r is None and header is None and k == self.header_piece:
                header = next(csv.reader(io.StringIO(decoded, newline=""), delimiter=self.delim))
            line += decoded.count("\n") if "\n" in decoded else decoded.count("\r")
        return out, header

    header_piece = 0


def encoded(text, codec):
    """A piece as bytes: text saved in its encoding (what it cannot hold becomes '?'), or raw bytes as they are."""
    return text if isinstance(text, bytes) else text.encode(codec, errors="replace")


def joined(cells, delim, mode):
    """'all' quotes every cell (PowerShell, Outlook), 'minimal' only where needed, 'none' never (SQL clients)."""
    if mode == "none":
        return delim.join(cells)
    return delim.join('"' + c.replace('"', '""') + '"' if mode == "all" or any(x in c for x in (delim, '"', "\n", "\r"))
                      else c for c in cells)


class Cells:
    """The values of a file as the source held them, the damage done on the way and the truth of each cell."""

    def __init__(self, header, rows, defects):
        self.header, self.rows, self.defects = header, rows, defects  # defects: (r, col) -> (defect, truth, options)

    def damage(self, r, col, new, defect, lossy=False, options=None):
        old = self.defects.get((r, col))
        if old:  # a fix that undoes only the tool's part (a padded 'NULL' trimmed) is right too
            options = None if lossy or old[1] is None else (old[2] or [old[1]]) + [self.rows[r][col]]
            self.defects[(r, col)] = (old[0] + "+" + defect, None if lossy else old[1], options)
        else:
            self.defects[(r, col)] = (defect, None if lossy else self.rows[r][col], options)
        self.rows[r][col] = new

    def truths(self, r, written):
        """The truth of each cell as written; a row split or cut by the tool has no truth per cell."""
        intended = [self.rows[r].get(h) for h in self.header]
        if len(written) != len(intended) or None in intended:
            return [{"defect": "split-or-cut", "truth": None, "options": None} for _ in written]
        rec = []
        for c, (h, value) in enumerate(zip(self.header, intended)):
            defect, truth, options = self.defects.get((r, h), (None, value, None))
            if unicodedata.normalize("NFC", written[c]) != unicodedata.normalize("NFC", value):
                defect, truth, options = (defect or "lost-in-encoding"), None, None
            rec.append({"defect": defect, "truth": truth, "options": options})
        return rec


def base_cells(base, rng, locale, kind, rate=None):
    m = base.Maker(rng, locale, 0.15)
    m.phones = set()
    n = rng.randrange(6, 30)
    rows, people = {"people": base.people_rows, "contacts": base.contact_rows, "receptionist": base.reception_rows}[kind](m, n)
    header = list({"people": base.PEOPLE_COLS, "contacts": base.CONTACT_COLS, "receptionist": base.RECEPTION_COLS}[kind])
    rate = rng.choice([0, 0, 0.03]) if rate is None else rate
    defects = base.value_defects(m, kind, rows, people, rate)
    return m, Cells(header, rows, defects)


def one_line(cells):
    """A SQL client prints a line break raw: the source held none (the record would split)."""
    flat = lambda v: v.replace("\r\n", " ").replace("\n", " ") if v else v
    for r, row in enumerate(cells.rows):
        for col in row:
            row[col] = flat(row[col])
            if (r, col) in cells.defects:
                defect, truth, options = cells.defects[(r, col)]
                cells.defects[(r, col)] = (defect, flat(truth), options)


def sql_nulls(rng, cells, word, share=0.7):
    """Empty values the table held as NULL, printed as `word`; the import would store the word."""
    for r, row in enumerate(cells.rows):
        for col, value in row.items():
            if value == "" and (r, col) not in cells.defects and rng.random() < share:
                cells.damage(r, col, word, "placeholder")
                cells.defects[(r, col)] = ("placeholder", "", None)


def chain_sqlcmd(base, rng, m, cells, kind, chain):
    """sqlcmd -Q "SELECT ..." -s"," -o file [-W] [-f 65001 | -u]: a line of dashes under the header, cells padded
    to the column's width (numbers right-aligned) unless -W, NULL, '(N rows affected)' unless SET NOCOUNT ON,
    no quoting (a comma in a value splits the row)."""
    sep = rng.choice([",", ",", "\t"])
    one_line(cells)
    sql_nulls(rng, cells, "NULL")
    codec, prefix = rng.choice([(m.info[1], b""), ("utf-8", b""), ("utf-16-le", "\ufeff".encode("utf-16-le"))])
    header = cells.header
    widths = {h: max([len(h)] + [len(row[h]) for row in cells.rows]) for h in header}
    if chain == "sqlcmd":
        widths = {h: max(w, rng.choice([w, 30, 50, 128])) for h, w in widths.items()}
        for r, row in enumerate(cells.rows):
            for h in header:
                v = row[h]
                padded = v.rjust(widths[h]) if h in NUMERIC_COLS and v.replace(".", "").isdigit() else v.ljust(widths[h])
                if padded != v:
                    cells.damage(r, h, padded, "padded")
        header_text = [h.ljust(widths[h]) for h in header]
    else:
        header_text = list(header)
    doc = Doc(sep)
    doc.prefix = prefix
    if rng.random() < 0.2:
        doc.line("Changed database context to 'HR'.", codec)
    doc.header_piece = len(doc.pieces)
    doc.line(sep.join(header_text), codec)
    doc.line(sep.join("-" * (widths[h] if chain == "sqlcmd" else len(h)) for h in header), codec)
    for r, row in enumerate(cells.rows):
        doc.record(r, sep.join(row[h] for h in header), codec)
    if rng.random() < 0.8:
        doc.line("", codec)
        doc.line(f"({len(cells.rows)} rows affected)", codec)
    # 4me matches headers as written: a padded name is a column it does not know; dashes and counts are records
    return doc, False if kind != "receptionist" else None, codec


def chain_bcp(base, rng, m, cells, kind, chain):
    """bcp "SELECT ..." queryout file -c [-C ACP|65001]: no header, tab, CRLF, the OEM page by default, an empty
    string written as one NUL byte (NULL as nothing)."""
    one_line(cells)
    codec = rng.choice([m.info[1], m.info[0], "utf-8"])
    for r, row in enumerate(cells.rows):
        for col, value in row.items():
            if value == "" and (r, col) not in cells.defects and rng.random() < 0.5:
                cells.damage(r, col, "\x00", "bcp-nul")
                cells.defects[(r, col)] = ("bcp-nul", "", None)
    doc = Doc("\t")
    doc.header_piece = -1
    for r in range(len(cells.rows)):
        doc.record(r, "\t".join(cells.rows[r][h] for h in cells.header), codec)
    return doc, False, codec


MYSQL_ESCAPES = [("\\", "\\\\"), ("\n", "\\n"), ("\t", "\\t"), ("\x00", "\\0")]


def chain_mysql(base, rng, m, cells, kind, chain):
    """mysql -B -e "SELECT ..." > file: tab, a header, NULL (or INTO OUTFILE's \\N under a UNION'd header), and a
    backslash, line break or tab escaped (\\\\, \\n, \\t); the client's character set utf8mb4 or latin1 (cp1252)."""
    null = rng.choice(["NULL", "\\N"])
    sql_nulls(rng, cells, null)
    for r, row in enumerate(cells.rows):
        for col, value in row.items():
            escaped = value
            for raw, esc in MYSQL_ESCAPES:
                escaped = escaped.replace(raw, esc)
            if escaped != value and value != null:
                cells.damage(r, col, escaped, "mysql-escape")
    codec = rng.choice(["utf-8", "utf-8", "cp1252"])
    doc = Doc("\t", "\n")
    doc.line("\t".join(cells.header), codec)
    for r in range(len(cells.rows)):
        doc.record(r, "\t".join(cells.rows[r][h] for h in cells.header), codec)
    return doc, True if codec == "utf-8" else False, codec


def chain_psql(base, rng, m, cells, kind, chain):
    """psql -A [-F ','|tab] -c "SELECT ..." -o file: '|' unless -F, no quoting, NULL as nothing, '(N rows)' unless
    \\pset footer off."""
    sep = rng.choice(["|", "|", ",", "\t"])
    one_line(cells)
    doc = Doc(sep, "\n")
    doc.line(sep.join(cells.header), "utf-8")
    for r in range(len(cells.rows)):
        doc.record(r, sep.join(cells.rows[r][h] for h in cells.header), "utf-8")
    footer = rng.random() < 0.8
    if footer:
        doc.line(f"({len(cells.rows)} rows)", "utf-8")
    readable = False if sep == "|" or footer else True
    if kind == "receptionist" and sep != "|" and not footer:
        readable = sep == ","
    return doc, readable, "utf-8"


def chain_pandas(base, rng, m, cells, kind, chain):
    """df.to_csv(path): an index column with an empty name (or 'Unnamed: 0' after a read_csv round trip), an ID or
    phone column that held NaN written as floats ('100012.0', '31612345678.0': the '+' read as a sign), missing
    values empty, or 'nan' after .astype(str)."""
    id_col = {"people": "Employee ID", "receptionist": "Identification", "contacts": None}[kind]
    phone_col = {"people": None, "receptionist": "SMS Phone", "contacts": "Contact URI"}[kind]
    as_str = rng.random() < 0.4
    for r, row in enumerate(cells.rows):
        if id_col and rng.random() < 0.15 and (r, id_col) not in cells.defects:
            row[id_col] = ""  # the HR system has no number for this person
    had_nan = id_col and any(row[id_col] == "" for row in cells.rows)
    for r, row in enumerate(cells.rows):
        if had_nan and row[id_col].isdigit():
            cells.damage(r, id_col, row[id_col] + ".0", "pandas-float")
        if phone_col and rng.random() < 0.5 and row[phone_col][:1] == "+" and row[phone_col][1:].isdigit():
            cells.damage(r, phone_col, row[phone_col][1:] + ".0", "pandas-float-phone")
        if as_str:
            for col, value in row.items():
                if value == "" and (r, col) not in cells.defects:
                    cells.damage(r, col, "nan", "placeholder")
                    cells.defects[(r, col)] = ("placeholder", "", None)
    index_names = rng.choice([[""], ["Unnamed: 0"], ["", "Unnamed: 0"]])
    for k, name in enumerate(index_names):
        cells.header.insert(k, name)
        for r, row in enumerate(cells.rows):
            row[name] = str(r)
    eol = rng.choice(["\n", "\r\n"])
    doc = Doc(",", eol)
    doc.prefix = b"\xef\xbb\xbf" if rng.random() < 0.3 else b""
    doc.line(joined(cells.header, ",", "minimal"), "utf-8")
    for r in range(len(cells.rows)):
        doc.record(r, joined([cells.rows[r][h] for h in cells.header], ",", "minimal"), "utf-8")
    # an unnamed column: neither vendor says what it does with it (a warning, not an error)
    return doc, None, "utf-8"


def chain_excel_numbers(base, rng, m, cells, kind, chain):
    """A CSV opened in Excel and saved again: whole columns read as numbers. A phone shown as '3.16123E+10' (the
    digits lost) or without its '+', an ID or ZIP without its leading zeros; 'CSV' in the ANSI page or
    'CSV UTF-8' with a BOM; the region's list separator."""
    id_col = {"people": "Employee ID", "receptionist": "Identification", "contacts": "Address Zip"}[kind]
    phone_col = {"people": None, "receptionist": "SMS Phone", "contacts": "Contact URI"}[kind]
    sci = rng.random() < 0.5
    for r, row in enumerate(cells.rows):
        if row[id_col].isdigit() and (r, id_col) not in cells.defects:
            row[id_col] = "00" + row[id_col][2:] if rng.random() < 0.6 else row[id_col]
            if row[id_col][:1] == "0":
                cells.damage(r, id_col, row[id_col].lstrip("0") or "0", "excel-zero")
        v = row.get(phone_col) or ""
        if phone_col and v[:1] == "+" and v[1:].isdigit() and (r, phone_col) not in cells.defects:
            digits = v[1:]
            if sci:
                mant = f"{int(digits) / 10 ** (len(digits) - 1):.5f}".rstrip("0").rstrip(".")
                cells.damage(r, phone_col, f"{mant}E+{len(digits) - 1}", "excel-sci", lossy=True)
            else:
                cells.damage(r, phone_col, digits, "excel-plus")
    ansi = rng.random() < 0.5
    codec, delim = (m.info[0] if ansi else "utf-8"), (m.info[2] if rng.random() < 0.5 else ",")
    doc = Doc(delim)
    doc.prefix = b"" if ansi else b"\xef\xbb\xbf"
    doc.line(joined(cells.header, delim, "minimal"), codec)
    for r in range(len(cells.rows)):
        doc.record(r, joined([cells.rows[r][h] for h in cells.header], delim, "minimal"), codec)
    return doc, True, codec


def chain_adprops(base, rng, m, cells, kind, chain):
    """Get-ADUser -Properties ... | Select-Object @{n='Email';e={$_.proxyAddresses -like 'SMTP:*'}}, ... |
    Export-Csv file [-NoTypeInformation]: PS 5.1 writes ASCII, a '#TYPE Selected.Microsoft.ActiveDirectory...'
    line, and a multi-valued attribute as its type's name."""
    col = rng.choice(ADPROP_COLS[kind])
    word = rng.choice(ADPROP_TYPES)
    share = rng.choice([1.0, 0.3])  # a collection on every row, or an array only where there were several values
    for r in range(len(cells.rows)):
        if rng.random() < share:
            cells.damage(r, col, word, "ps-typename", lossy=True)
    codec = rng.choice(["ascii", "ascii", "utf-8"])
    doc = Doc(",")
    doc.prefix = b"\xef\xbb\xbf" if codec == "utf-8" else b""
    type_line = rng.random() < 0.6
    if type_line:
        doc.line("#TYPE Selected.Microsoft.ActiveDirectory.Management.ADUser", codec)
    doc.header_piece = len(doc.pieces)
    doc.line(joined(cells.header, ",", "all"), codec)
    for r in range(len(cells.rows)):
        doc.record(r, joined([cells.rows[r][h] for h in cells.header], ",", "all"), codec)
    return doc, (None if kind == "receptionist" else False) if type_line else None, codec


def formatted_phone(rng, e164):
    cc = 1 if e164.startswith("+1") else 2 if e164[1:3] in ("44", "49", "33", "31", "46", "48", "55", "52", "90", "30")\
        else 3
    rest = e164[1 + cc:]
    return f"+{e164[1:1 + cc]} ({rest[:3]}) {rest[3:6]}-{rest[6:]}" if cc == 1 else f"+{e164[1:1 + cc]} {rest[:3]} {rest[3:]}"


def chain_contacts_app(base, rng, m, cells, kind, chain):
    """Outlook's 'Comma Separated Values' export (ANSI, every cell quoted; an Exchange sender's address as its X.500
    path) or Google Contacts' CSV (UTF-8; several values of a field joined by ' ::: '), with its columns renamed to
    The Receptionist's and some of its own left in; phones as the user typed them."""
    outlook = chain == "outlook-receptionist"
    for r, row in enumerate(cells.rows):
        for col in ("PIN", "Location Slug", "Slack") + (() if rng.random() < 0.3 else ("Identification",)):
            row[col] = ""  # the address book has none of these
            cells.defects.pop((r, col), None)
        phone = row["SMS Phone"]
        if (r, "SMS Phone") not in cells.defects and phone[:1] == "+" and rng.random() < 0.4:
            cells.damage(r, "SMS Phone", formatted_phone(rng, phone), "phone-formatted")
        if (r, "Email") in cells.defects or (r, "SMS Phone") in cells.defects:
            continue
        if outlook and rng.random() < 0.15:
            tag = "%032X" % rng.getrandbits(128)
            cells.damage(r, "Email", f"/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/"
                                      f"cn={tag}-{base.ascii_slug(row['First Name'])[:8]}", "x500-address", lossy=True)
        elif not outlook and rng.random() < 0.15:
            cells.damage(r, "Email", row["Email"] + " ::: " + row["Email"].split("@")[0] + "@gmail.com", "multi-value",
                         lossy=True)
        elif rng.random() < 0.08:  # a contact with neither: The Receptionist needs one of them
            row["SMS Phone"] = ""
            cells.damage(r, "Email", "", "no-contact", lossy=True)
    extra = OUTLOOK_EXTRA if outlook else GOOGLE_EXTRA
    if rng.random() < 0.5:
        for name in extra[:rng.randrange(1, len(extra))]:
            cells.header.append(name)
            for row in cells.rows:
                row[name] = {"E-mail Type": "SMTP", "Group Membership": "* myContacts", "Company": m.orgs[0],
                             "Organization Name": m.orgs[0]}.get(name, "")
    codec = m.info[0] if outlook else "utf-8"
    doc = Doc(",", "\r\n" if outlook else rng.choice(["\n", "\r\n"]))
    mode = "all" if outlook else "minimal"
    doc.line(joined(cells.header, ",", mode), codec)
    for r in range(len(cells.rows)):
        doc.record(r, joined([cells.rows[r][h] for h in cells.header], ",", mode), codec)
    # columns of its own left in: The Receptionist does not say what it does with them
    return doc, True if len(cells.header) == len(base.RECEPTION_COLS) else None, codec


def chain_append(base, rng, m, cells, kind, chain):
    """Export-Csv -Append: PS 5.1 appends in its own default (ASCII) onto a UTF-8-BOM export, and with -Force
    leaves a property the new objects lack empty; or ConvertTo-Csv | Add-Content appends a second header of other
    columns, whose rows the import would read under the first header."""
    half = max(1, len(cells.rows) // 2)
    doc = Doc(",")
    doc.prefix = b"\xef\xbb\xbf"
    doc.line(joined(cells.header, ",", "all"), "utf-8")
    for r in range(half):
        doc.record(r, joined([cells.rows[r][h] for h in cells.header], ",", "all"), "utf-8")
    if rng.random() < 0.5:  # -Append -Force: the same columns, one left empty, ASCII
        lacking = rng.choice(cells.header[1:])
        for r in range(half, len(cells.rows)):
            if cells.rows[r][lacking]:
                cells.damage(r, lacking, "", "append-lacking", lossy=True)
        for r in range(half, len(cells.rows)):
            doc.record(r, joined([cells.rows[r][h] for h in cells.header], ",", "all"), "ascii")
        return doc, True, "mixed"
    other = list(cells.header)
    rng.shuffle(other)
    other = other[:-1] if rng.random() < 0.5 else other
    # the second header is a record to the import (and to a fixer that cannot realign what follows it)
    cells.rows.insert(half, dict(zip(cells.header, other)))
    cells.defects = {(r + (r >= half), col): v for (r, col), v in cells.defects.items()}
    for h in cells.header:
        cells.defects[(half, h)] = ("appended-header", None, None)
    doc.record(half, joined(other, ",", "all"), m.info[0])
    for r in range(half + 1, len(cells.rows)):
        for k, h in enumerate(cells.header):  # read under the first header, cell k holds other[k]'s value
            if k >= len(other) or other[k] != h:
                cells.damage(r, h, cells.rows[r][h], "append-other-columns", lossy=True)
        doc.record(r, joined([cells.rows[r][h] for h in other], ",", "all"), m.info[0])
        cells.rows[r] = {**{h: cells.rows[r][o] for h, o in zip(cells.header, other)},
                         **({cells.header[-1]: None} if len(other) < len(cells.header) else {})}
    return doc, False, "mixed"


def chain_cut(base, rng, m, cells, kind, chain):
    """An export cut off mid-record (a copy or download interrupted): the last record ends inside a cell, perhaps
    inside a quoted cell or a UTF-8 sequence. The import would fail or take a half person (The Receptionist
    archives everyone after it)."""
    mode = rng.choice(["all", "minimal"])
    codec = "utf-8"
    doc = Doc(",", rng.choice(["\r\n", "\n"]))
    doc.line(joined(cells.header, ",", mode), codec)
    last = len(cells.rows) - 1
    for r in range(last):
        doc.record(r, joined([cells.rows[r][h] for h in cells.header], ",", mode), codec)
    text = joined([cells.rows[last][h] for h in cells.header], ",", mode)
    raw = text.encode()
    cut = rng.randrange(1, len(raw) - 1)
    if rng.random() < 0.3:  # inside a letter's bytes, where there is one
        multi = [k for k in range(1, len(raw)) if raw[k] & 0xC0 == 0x80]
        cut = rng.choice(multi) if multi else cut
    doc.pieces.append((raw[:cut], "utf-8", last))
    parsed = list(csv.reader(io.StringIO(raw[:cut].decode("utf-8", errors="replace"), newline="")))[0]
    for k, h in enumerate(cells.header):
        if k >= len(parsed) - 1:
            cells.damage(last, h, parsed[k] if k < len(parsed) else "", "cut", lossy=True)
    return doc, False, codec


def chain_cat_bom(base, rng, m, cells, kind, chain):
    """cat a.csv b.csv where b was written without its header (ConvertTo-Csv | Select-Object -Skip 1 | Out-File
    -Encoding utf8): its BOM lands at the start of a line, before the first cell of its first record, ahead of
    the quote where cells are quoted."""
    mode = rng.choice(["all", "minimal"])
    half = max(1, len(cells.rows) // 2)
    doc = Doc(",", rng.choice(["\r\n", "\n"]))
    doc.prefix = b"\xef\xbb\xbf"
    doc.line(joined(cells.header, ",", mode), "utf-8")
    for r in range(len(cells.rows)):
        text = joined([cells.rows[r][h] for h in cells.header], ",", mode)
        if r == half:
            first = cells.header[0]
            truth_first = cells.rows[r][first]
            quoted = text.startswith('"')
            cells.damage(r, first, '\ufeff' + (f'"{truth_first}"' if quoted else truth_first), "bom-mid")
            text = "\ufeff" + text
        doc.record(r, text, "utf-8")
    quoted = mode == "all" or doc.pieces[half + 1][0].startswith('\ufeff"')
    return doc, (False if kind != "receptionist" else None) if quoted else None, "utf-8"


CHAIN_FUNCS = {"sqlcmd": chain_sqlcmd, "sqlcmd-w": chain_sqlcmd, "bcp-c": chain_bcp, "mysql-batch": chain_mysql,
               "psql-a": chain_psql, "pandas": chain_pandas, "excel-numbers": chain_excel_numbers,
               "ps51-adprops": chain_adprops, "outlook-receptionist": chain_contacts_app,
               "gcontacts-receptionist": chain_contacts_app, "export-append": chain_append, "cut-off": chain_cut,
               "cat-bom-middle": chain_cat_bom}
RECEPTIONIST_ONLY = {"outlook-receptionist", "gcontacts-receptionist"}


def make_tool_file(base, rng, index, out, chain):
    locale = rng.choice(list(base.LOCALES))
    kind = "receptionist" if chain in RECEPTIONIST_ONLY else rng.choice(["people", "contacts", "receptionist"])
    m, cells = base_cells(base, rng, locale, kind)
    doc, readable, codec = CHAIN_FUNCS[chain](base, rng, m, cells, kind, chain)
    data = doc.data()
    parsed, header = doc.parsed()
    if doc.header_piece < 0:  # no header line: the target reads the first record as the header
        first = min(parsed)
        header = parsed.pop(first)[1]
    records = []
    for r in sorted(parsed):
        line, written = parsed[r]
        records.append({"written": written, "cells": cells.truths(r, written), "empty": False, "line": line})
    # what the target can read from the bytes: its encodings and delimiters
    if not base.target_reads(data, kind, doc.delim, False):
        readable = False
    tool_lines = sum(1 for k, (_, _, r) in enumerate(doc.pieces) if r is None and k != doc.header_piece)
    clean = (not any(c["defect"] for rec in records for c in rec["cells"]) and readable is not False
             and not tool_lines and not data.startswith(b"\xef\xbb\xbf"))
    ext = "tsv" if doc.delim == "\t" else "csv"
    name = f"{index:04d}-{chain}-{kind}-{locale}.{ext}"
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
    decode_codec = {"utf-8": "utf-8-sig", "utf-16-le": "utf-16"}.get(codec, codec)
    truth = {"file": name, "chain": chain, "kind": kind, "locale": locale, "codec": decode_codec,
             "delimiter": doc.delim, "clean": clean, "readable": readable, "header": header,
             "header_line": 1 + sum(p[0].count("\n") for p in doc.pieces[:max(0, doc.header_piece)]),
             "columns": header if doc.header_piece < 0 else [h.strip() for h in cells.header],
             "records": records, "group_by": "Person" if kind == "contacts" and doc.header_piece >= 0 else None}
    with open(os.path.join(out, name + ".truth.json"), "w") as f:
        json.dump(truth, f, ensure_ascii=False)
