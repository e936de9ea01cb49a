// The value of a form field, found by its path. This is the one place where a path meets
// a member of the typed model (application.h); a path the model does not know is a field
// the programme adds, and lives in Application::extra as text.
//
//   scalar fields (text, date, money, phone, number, unit, choice, assigned): text_of
//   a check box: flag_of          a checklist (choices, confirmations): list_of
//   a table: rows_of, with cells by column key
//   cover.kind is none of these: it is Application::cover.kind.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "application.h"
#include "form.h"

namespace shenbao {

// What the built-in model holds at a path, if anything.
enum class Slot { None, Text, Flag, List, Table, Kind };
Slot builtin_slot(const std::string& path);
// The column keys of a built-in table, in the model's order.
std::vector<std::string> builtin_columns(const std::string& path);
// Every built-in path, in the model's order.
std::vector<std::string> builtin_paths();

// The text of a scalar field: the model's member, or the extra value (created when absent).
std::string& text_of(Application& app, const std::string& path);
// Empty when the field has no value (an extra field never written).
std::string text_at(const Application& app, const std::string& path);

bool* flag_of(Application& app, const std::string& path);       // null when not a built-in flag
bool flag_at(const Application& app, const std::string& path);  // extras: the text "true"

std::vector<std::string>* list_of(Application& app, const std::string& path);  // null when not a built-in list
const std::vector<std::string>* list_at(const Application& app, const std::string& path);

// The rows of a table field, whatever the struct of a row.
class Rows {
public:
    virtual ~Rows() = default;
    virtual size_t size() const = 0;
    virtual std::string* cell(size_t row, std::string_view column) = 0;  // null for an unknown column
    virtual void insert(size_t at) = 0;                                  // an empty row
    virtual void erase(size_t row) = 0;
    virtual void swap(size_t a, size_t b) = 0;
};
std::unique_ptr<Rows> rows_of(Application& app, const std::string& path);  // null when not a table
// The same for reading (the application is not changed).
std::string cell_at(const Application& app, const std::string& path, size_t row, std::string_view column);
size_t rows_at(const Application& app, const std::string& path);

// A table cell's path: "budget.lines[2].amount" (rows from 0).
std::string cell_path(const std::string& table, size_t row, std::string_view column);
// The parts of a table row's or cell's path: "budget.lines[2].amount" is the table
// budget.lines, row 2, column amount; "team[0]" a row (no column); "team[0].up" a row's
// button. Nothing for a path without a row number in brackets.
struct CellPath {
    std::string_view table;
    size_t row = 0;
    std::string_view column;  // what follows "].", empty when nothing does
};
std::optional<CellPath> parse_cell_path(std::string_view path);
// The text at a scalar field's path or a table cell's path; empty when there is none.
std::string text_at_path(const Application& app, const std::string& path);

// A text a person typed into the form: its field's path (a table cell's, cell_path) and the text.
struct TypedText {
    std::string path, text;
};
// Every text typed into the fields the application's kind shows, in the form's order,
// blanks left out: what the browser's find in page searches. The words of choices (a
// budget line's expense kind among them), check boxes and the kind are the form's own,
// not typed, and are not in it.
std::vector<TypedText> typed_texts(const FormSpec& form, const Application& app);

// Whether the field holds anything (any text but spaces, a ticked box, a list entry, a row).
bool has_value(const Application& app, const FieldSpec& field);

}  // namespace shenbao
