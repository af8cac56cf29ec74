using System.Diagnostics;
using Sodalite.SodaCL.Variables;

namespace Sodalite.SodaCL.Tests.Variables;

// Every expected output and error below was established by rendering the same template with real
// Jinja2 3.1 the way Soda Core 3.5.6 does (a SandboxedEnvironment with ${ } print delimiters, OS
// environment variables before scan variables), with the scan variables a=5, s=abc, threshold=10
// and the environment variable MYENV=fromenv. Tests of constructs that Sodalite refuses say what
// Jinja2 would have done.
public class JinjaTests
{
    private static readonly Dictionary<string, string> ScanVariables = new() { ["a"] = "5", ["s"] = "abc", ["threshold"] = "10" };

    private static Jinja Renderer(Dictionary<string, string>? environment = null)
    {
        var env = new Dictionary<string, string> { ["MYENV"] = "fromenv" };
        foreach (var (k, v) in environment ?? []) env[k] = v;
        return new Jinja(ScanVariables, name => env.TryGetValue(name, out var value) ? value : null);
    }

    private static string Render(string template, Dictionary<string, string>? environment = null) =>
        Renderer(environment).Render(template);

    private static JinjaException Fails(string template) => Assert.Throws<JinjaException>(() => Render(template));

    [Fact]
    public void Text_without_template_syntax_comes_back_unchanged()
    {
        const string Text = "SELECT * FROM t WHERE c ~ '\\d{3}' AND j = '{\"a\": 1}' AND p = '$' AND q = '%}'\r\n";
        Assert.Same(Text, Render(Text));
    }

    [Fact]
    public void Braces_and_dollars_in_other_meanings_are_kept_around_expressions() => Assert.Equal("cost in $ {x} {{ y }} 5 \\d{3}", Render("cost in $ {x} {{ y }} ${ a } \\d{3}"));

    [Fact]
    public void A_scan_variable_is_printed() => Assert.Equal("5", Render("${ a }"));

    [Fact]
    public void An_environment_variable_wins_over_a_scan_variable_of_the_same_name() => Assert.Equal("from env", Render("${ a }", new Dictionary<string, string> { ["a"] = "from env" }));

    [Fact]
    public void An_undefined_variable_prints_as_an_empty_string() => Assert.Equal("[]", Render("[${ x }]"));

    [Fact]
    public void Env_var_reads_the_environment_only() => Assert.Equal("fromenv||dflt", Render("${ env_var('MYENV') }|${ env_var('a') }|${ env_var('NOPE', 'dflt') }"));

    [Fact]
    public void Env_var_with_a_default_that_is_not_text_gives_an_empty_string() => Assert.Equal("[]", Render("[${ env_var('NOPE', 5) }]"));

    [Fact]
    public void Env_var_with_a_name_that_is_not_text_is_a_type_error()
    {
        var error = Fails("${ env_var(5) }");
        Assert.Equal(JinjaErrorKind.Type, error.Kind);
        Assert.Equal("str expected, not int", error.Reason);
    }

    [Fact]
    public void Numbers_print_as_Python_prints_them() => Assert.Equal("1.0 1000.0 1e+16 1000000000000000.0 1e-05 0.0001 0.30000000000000004 1000 31", Render("${ 1.0 } ${ 1e3 } ${ 1e16 } ${ 1e15 } ${ 1e-5 } ${ 0.0001 } ${ 0.1 + 0.2 } ${ 1_000 } ${ 0x1F }"));

    [Fact]
    public void Booleans_and_none_print_capitalized() => Assert.Equal("True False None None", Render("${ true } ${ False } ${ none } ${ None }"));

    [Fact]
    public void Lists_tuples_and_dicts_print_as_Python_reprs() => Assert.Equal("[1, 'a', 2.0, None, True] (1,) () {'k': 'v', 2: [3]} [\"it's\", 'a\\nb']", Render("${ [1, 'a', 2.0, None, True] } ${ (1,) } ${ () } ${ {'k': 'v', 2: [3]} } ${ ['it\\'s', 'a\\nb'] }"));

    [Fact]
    public void A_comma_separated_expression_prints_as_a_tuple() => Assert.Equal("(1, 'b')", Render("${ 1, 'b' }"));

    [Fact]
    public void String_literals_understand_Python_escapes() => Assert.Equal("a\tbAéAq\"qz\\qz", Render("${ 'a\\tb\\x41\\u00e9\\101' ~ \"q\\\"q\" ~ 'z\\qz' }"));

    [Fact]
    public void Adjacent_string_literals_are_joined() => Assert.Equal("abc", Render("${ 'a' \"b\" 'c' }"));

    [Fact]
    public void Dict_literals_may_contain_braces_inside_an_expression() => Assert.Equal("} {}", Render("${ {'a': '}'}['a'] } ${{}}"));

    [Fact]
    public void Division_follows_Python() => Assert.Equal("2.5 2.0 2 -4 2 3.0 0.5", Render("${ 10 / 4 } ${ 10 / 5 } ${ 10 // 4 } ${ -7 // 2 } ${ -7 % 3 } ${ 7.5 // 2 } ${ 2 ** -1 }"));

    [Fact]
    public void Integers_are_exact_however_large() => Assert.Equal("1267650600228229401496703205376 9223372036854775808", Render("${ 2 ** 100 } ${ 9223372036854775807 + 1 }"));

    [Fact]
    public void Operators_have_Jinja_precedence() => Assert.Equal("4 64 64 7 9", Render("${ -2 ** 2 } ${ 2 ** 3 ** 2 } ${ 2 * 3 ~ 4 } ${ 1 + 2 * 3 } ${ (1 + 2) * 3 }"));

    [Fact]
    public void Texts_concatenate_and_repeat() => Assert.Equal("ab abab xx 51None", Render("${ 'a' + 'b' } ${ 'ab' * 2 } ${ 2 * 'x' } ${ a ~ 1 ~ none }"));

    [Fact]
    public void Adding_a_number_to_a_text_variable_is_a_type_error()
    {
        var error = Fails("${ a + 1 }");
        Assert.Equal(JinjaErrorKind.Type, error.Kind);
        Assert.Equal("can only concatenate str (not \"int\") to str", error.Reason);
    }

    [Fact]
    public void Adding_a_text_to_a_number_is_a_type_error()
    {
        var error = Fails("${ 1 + a }");
        Assert.Equal(JinjaErrorKind.Type, error.Kind);
        Assert.Equal("unsupported operand type(s) for +: 'int' and 'str'", error.Reason);
    }

    [Fact]
    public void Division_by_zero_is_an_error()
    {
        var error = Fails("${ 1 / 0 }");
        Assert.Equal(JinjaErrorKind.Value, error.Kind);
        Assert.Equal("division by zero", error.Reason);
    }

    [Fact]
    public void A_converted_variable_takes_part_in_arithmetic() => Assert.Equal("11 2.5 -10", Render("${ threshold | int + 1 } ${ threshold | float / 4 } ${ -(threshold | int) }"));

    [Fact]
    public void Comparisons_follow_Python() => Assert.Equal("True False True True True False", Render("${ 1 == 1.0 } ${ '1' == 1 } ${ 'b' > 'a' } ${ [1, 2] < [1, 3] } ${ 1 < 2 < 3 } ${ 3 < 2 < 4 }"));

    [Fact]
    public void Membership_works_on_texts_lists_and_dicts() => Assert.Equal("True False True False", Render("${ 'b' in 'abc' } ${ 1 not in [1, 2] } ${ 'k' in {'k': 1} } ${ 'x' in [] }"));

    [Fact]
    public void Ordering_a_text_against_a_number_is_a_type_error()
    {
        var error = Fails("${ a < 1 }");
        Assert.Equal(JinjaErrorKind.Type, error.Kind);
        Assert.Equal("'<' not supported between instances of 'str' and 'int'", error.Reason);
    }

    [Fact]
    public void And_and_or_return_one_of_their_operands() => Assert.Equal("x b [] 0 True False", Render("${ 0 or 'x' } ${ 'a' and 'b' } ${ [] and 1 } ${ '' or 0 } ${ not '' } ${ not '0' }"));

    [Fact]
    public void The_conditional_expression_chooses_a_branch() => Assert.Equal("yes no []", Render("${ 'yes' if a == '5' else 'no' } ${ 'yes' if x else 'no' } [${ 'y' if false }]"));

    [Fact]
    public void Attributes_items_and_slices_read_values() => Assert.Equal("1 20 10 c bc cba v", Render("${ {'a': {'b': 1}}.a.b } ${ [10, 20][1] } ${ [10, 20].0 } ${ s[-1] } ${ s[1:] } ${ s[::-1] } ${ {'k': 'v'}['k'] }"));

    [Fact]
    public void A_missing_attribute_or_index_of_a_value_prints_empty() => Assert.Equal("[][][]", Render("[${ s.nope }][${ s[10] }][${ {'a': 1}.b }]"));

    [Fact]
    public void Using_a_missing_attribute_is_an_undefined_error()
    {
        var error = Fails("${ s.nope + 1 }");
        Assert.Equal(JinjaErrorKind.Undefined, error.Kind);
        Assert.Equal("'str object' has no attribute 'nope'", error.Reason);
    }

    [Fact]
    public void Using_a_missing_index_is_an_undefined_error()
    {
        var error = Fails("${ [1, 2][5] + 1 }");
        Assert.Equal(JinjaErrorKind.Undefined, error.Kind);
        Assert.Equal("list object has no element 5", error.Reason);
    }

    [Fact]
    public void The_int_filter_converts_like_Jinja() => Assert.Equal("5 0 7 1000 0 16 7 5 -5 0 1 1000", Render("${ '5.0' | int } ${ 'abc' | int } ${ ' 7 ' | int } ${ '1e3' | int } ${ '0x10' | int } ${ '0x10' | int(0, 16) } ${ 'x' | int(7) } ${ 5.9 | int } ${ -5.9 | int } ${ none | int } ${ true | int } ${ '1_000' | int }"));

    [Fact]
    public void The_int_filter_on_an_infinite_text_is_an_error()
    {
        var error = Fails("${ 'inf' | int }");
        Assert.Equal(JinjaErrorKind.Value, error.Kind);
        Assert.Equal("cannot convert float infinity to integer", error.Reason);
    }

    [Fact]
    public void The_float_filter_converts_like_Jinja() => Assert.Equal("2.5 0.0 1000.0 3.0 inf 1.5 0.0", Render("${ '2.5' | float } ${ 'abc' | float } ${ '1_000' | float } ${ 3 | float } ${ 'inf' | float } ${ 'x' | float(1.5) } ${ none | float }"));

    [Fact]
    public void The_string_filter_gives_Python_str() => Assert.Equal("5None1.0[1]", Render("${ (5 | string) ~ (none | string) ~ (1.0 | string) ~ ([1] | string) }"));

    [Fact]
    public void The_default_filter_replaces_undefined_and_with_true_also_falsy_values() => Assert.Equal("d||d|None|d|", Render("${ x | default('d') }|${ '' | default('d') }|${ '' | default('d', true) }|${ none | d('d') }|${ 0 | d('d', boolean=true) }|${ x | default }"));

    [Fact]
    public void Case_filters_follow_Jinja() => Assert.Equal("abc ABC Hello world Hello-World Foo's (Bar) SS none", Render("${ 'AbC' | lower } ${ 'AbC' | upper } ${ 'hELLO wORLD' | capitalize } ${ \"hello-world foo's (bar)\" | title } ${ 'ß' | upper } ${ none | lower }"));

    [Fact]
    public void Trim_and_replace_filters_follow_Jinja() => Assert.Equal("[a b] a bba -a-b-c- 1x3", Render("[${ '  a b  ' | trim }] ${ 'xxaxx' | trim('x') } ${ 'aaa' | replace('a', 'b', 2) } ${ 'abc' | replace('', '-') } ${ 123 | replace('2', 'x') }"));

    [Fact]
    public void The_round_filter_rounds_like_Python_and_Jinja() => Assert.Equal("2.0 4.0 2.67 3.0 2.0 5 1200 -2.0 20.0", Render("${ 2.5 | round } ${ 3.5 | round } ${ 2.675 | round(2) } ${ 2.4 | round(0, 'ceil') } ${ 2.6 | round(method='floor') } ${ 5 | round } ${ 1234 | round(-2) } ${ -2.5 | round } ${ 14.7 | round(-1, 'ceil') }"));

    [Fact]
    public void Rounding_a_text_is_a_type_error()
    {
        var error = Fails("${ threshold | round }");
        Assert.Equal(JinjaErrorKind.Type, error.Kind);
        Assert.Equal("type str doesn't define __round__ method", error.Reason);
    }

    [Fact]
    public void The_round_filter_rejects_an_unknown_method()
    {
        var error = Fails("${ 2.5 | round(0, 'up') }");
        Assert.Equal(JinjaErrorKind.Value, error.Kind);
        Assert.Equal("method must be common, ceil or floor", error.Reason);
    }

    [Fact]
    public void Abs_length_and_count_filters_follow_Jinja() => Assert.Equal("5 5.5 3 2 1 0 2", Render("${ -5 | abs } ${ -5.5 | abs } ${ 'abc' | length } ${ [1, 2] | count } ${ {'a': 1} | length } ${ x | length } ${ '😀a' | length }"));

    [Fact]
    public void Join_first_last_and_list_filters_follow_Jinja() => Assert.Equal("1,2 a-b-c 1 c ['a', 'b'] [] 1+2", Render("${ [1, 2] | join(',') } ${ 'abc' | join('-') } ${ [1, 2] | first } ${ 'abc' | last } ${ 'ab' | list } [${ [] | first }] ${ [{'n': 1}, {'n': 2}] | join('+', attribute='n') }"));

    [Fact]
    public void Filters_bind_tighter_than_unary_minus_and_arithmetic() => Assert.Equal("5 6 4 A", Render("${ -5|abs } ${ a | int + 1 } ${ 'ab' | length * 2 } ${ 'A' | lower | upper }"));

    [Fact]
    public void An_unknown_filter_is_an_error_even_in_a_loop_that_does_not_run()
    {
        var error = Fails("{% for i in [] %}${ 5 | nosuch }{% endfor %}");
        Assert.Equal(JinjaErrorKind.Syntax, error.Kind);
        Assert.Equal("No filter named 'nosuch'.", error.Reason);
    }

    [Fact]
    public void An_unknown_filter_in_an_if_branch_not_taken_is_no_error_as_in_Jinja() => Assert.Equal("ok", Render("{% if false %}${ 5 | nosuch }{% endif %}ok"));

    [Fact]
    public void An_unknown_filter_in_an_if_branch_taken_is_an_error()
    {
        var error = Fails("{% if true %}${ 5 | nosuch }{% endif %}");
        Assert.Equal(JinjaErrorKind.Syntax, error.Kind);
        Assert.Equal("No filter named 'nosuch' found.", error.Reason);
    }

    [Fact]
    public void A_Jinja_filter_outside_the_supported_subset_is_refused()
    {
        var error = Fails("${ [2, 1] | sort }");
        Assert.Equal(JinjaErrorKind.Unsupported, error.Kind);
    }

    [Fact]
    public void A_Jinja_filter_outside_the_supported_subset_in_a_branch_not_taken_renders() => Assert.Equal("ok", Render("{% if false %}${ [2, 1] | sort }{% endif %}ok"));

    [Fact]
    public void Tests_follow_Jinja() => Assert.Equal("False True True True True True True True True", Render("${ x is defined } ${ a is defined } ${ none is none } ${ 1 is number } ${ a is string } ${ 3 is odd } ${ 4 is divisibleby 2 } ${ x is not defined } ${ 1 is in [1] }"));

    [Fact]
    public void An_unknown_test_is_an_error()
    {
        var error = Fails("${ 1 is nosuch }");
        Assert.Equal(JinjaErrorKind.Syntax, error.Kind);
        Assert.Equal("No test named 'nosuch'.", error.Reason);
    }

    [Fact]
    public void Common_string_methods_are_supported() => Assert.Equal("ABC [x] ['a', 'b'] True a-a a-b Foo'S", Render("${ s.upper() } [${ '  x '.strip() }] ${ 'a,b'.split(',') } ${ 'abc'.startswith('ab') } ${ 'aXa'.replace('X', '-') } ${ '-'.join(['a', 'b']) } ${ \"foo's\".title() }"));

    [Fact]
    public void Dict_methods_get_keys_values_and_items_are_supported() => Assert.Equal("1 2 dict_keys(['a']) dict_items([('a', 1)])", Render("${ {'a': 1}.get('a') } ${ {'a': 1}.get('b', 2) } ${ {'a': 1}.keys() } ${ {'a': 1}.items() }"));

    [Fact]
    public void Membership_works_on_dict_views() => Assert.Equal("True True True", Render("${ 'a' in {'a': 1}.keys() } ${ 1 in {'a': 1}.values() } ${ ('a', 1) in {'a': 1}.items() }"));

    [Fact]
    public void Printing_a_method_without_calling_it_is_refused()
    {
        var error = Fails("${ s.upper }");
        Assert.Equal(JinjaErrorKind.Unsupported, error.Kind);
    }

    [Fact]
    public void A_string_method_outside_the_supported_subset_is_refused()
    {
        var error = Fails("${ '{}'.format(1) }");
        Assert.Equal(JinjaErrorKind.Unsupported, error.Kind);
    }

    [Fact]
    public void Printf_style_formatting_is_refused()
    {
        var error = Fails("${ '%s' % a }");
        Assert.Equal(JinjaErrorKind.Unsupported, error.Kind);
    }

    [Fact]
    public void Arithmetic_on_an_undefined_variable_is_an_undefined_error()
    {
        var error = Fails("${ x + 1 }");
        Assert.Equal(JinjaErrorKind.Undefined, error.Kind);
        Assert.Equal("'x' is undefined", error.Reason);
    }

    [Fact]
    public void An_attribute_of_an_undefined_variable_is_an_undefined_error()
    {
        var error = Fails("${ x.y }");
        Assert.Equal(JinjaErrorKind.Undefined, error.Kind);
        Assert.Equal("'x' is undefined", error.Reason);
    }

    [Fact]
    public void Comparing_an_undefined_variable_by_order_is_an_undefined_error()
    {
        var error = Fails("${ x < 1 }");
        Assert.Equal(JinjaErrorKind.Undefined, error.Kind);
        Assert.Equal("'x' is undefined", error.Reason);
    }

    [Fact]
    public void The_int_filter_on_an_undefined_variable_is_an_undefined_error()
    {
        var error = Fails("${ x | int }");
        Assert.Equal(JinjaErrorKind.Undefined, error.Kind);
        Assert.Equal("'x' is undefined", error.Reason);
    }

    [Fact]
    public void An_undefined_variable_is_empty_in_concatenation_text_filters_and_conditions() => Assert.Equal("a||n|False|[]|D|True", Render("${ x ~ 'a' }|${ x | upper }|${ 'y' if x else 'n' }|${ x == 1 }|${ x | list }|${ x | default('d') | upper }|${ x == y }"));

    [Fact]
    public void An_undefined_variable_iterates_as_nothing() => Assert.Equal("b", Render("{% for i in x %}a{% else %}b{% endfor %}"));

    [Fact]
    public void An_inline_if_without_else_that_is_false_is_undefined_in_operations()
    {
        var error = Fails("${ ('a' if false) + 'b' }");
        Assert.Equal(JinjaErrorKind.Undefined, error.Kind);
        Assert.Equal("the inline if-expression on line 1 evaluated to false and no else section was defined.", error.Reason);
    }

    [Fact]
    public void An_undefined_variable_prints_as_Undefined_inside_a_list() => Assert.Equal("[Undefined, 1]", Render("${ [x, 1] }"));

    [Fact]
    public void If_elif_else_chooses_the_first_true_branch() => Assert.Equal("five", Render("{% if a == '1' %}one{% elif a == '5' %}five{% else %}other{% endif %}"));

    [Fact]
    public void A_for_loop_exposes_loop_index_first_and_last() => Assert.Equal("1aTrueFalse3;2bFalseFalse2;3cFalseTrue1;", Render("{% for i in ['a', 'b', 'c'] %}${ loop.index }${ i }${ loop.first }${ loop.last }${ loop.revindex };{% endfor %}"));

    [Fact]
    public void A_for_loop_filter_is_applied_before_loop_length() => Assert.Equal("2/2 3/2 ", Render("{% for i in [1, 2, 3] if i > 1 %}${ i }/${ loop.length } {% endfor %}"));

    [Fact]
    public void A_for_loop_unpacks_dict_items() => Assert.Equal("a=1;b=2;", Render("{% for k, v in {'a': 1, 'b': 2}.items() %}${ k }=${ v };{% endfor %}"));

    [Fact]
    public void A_for_loop_over_range_and_a_text() => Assert.Equal("012|a.b.c.", Render("{% for i in range(3) %}${ i }{% endfor %}|{% for c in s %}${ c }.{% endfor %}"));

    [Fact]
    public void Set_assigns_a_value_that_wins_over_the_environment() => Assert.Equal("10", Render("{% set a = a | int * 2 %}${ a }"));

    [Fact]
    public void A_set_inside_a_loop_does_not_outlive_the_iteration() => Assert.Equal("231", Render("{% set b = 1 %}{% for i in [1, 2] %}{% set b = b + i %}${ b }{% endfor %}${ b }"));

    [Fact]
    public void A_loop_before_a_top_level_set_sees_the_name_as_undefined_as_in_Jinja() => Assert.Equal("[]1", Render("{% for i in [1] %}[${ a }]{% endfor %}{% set a = 1 %}${ a }"));

    [Fact]
    public void A_set_in_a_loop_else_body_does_not_outlive_it() => Assert.Equal("15", Render("{% for i in [] %}{% else %}{% set a = 1 %}${ a }{% endfor %}${ a }"));

    [Fact]
    public void A_set_block_captures_its_rendered_body_through_filters() => Assert.Equal("AB1", Render("{% set x | upper %}ab${ 1 }{% endset %}${ x }"));

    [Fact]
    public void Comments_are_removed() => Assert.Equal("ab", Render("a{# ${ x } {% if %} #}b"));

    [Fact]
    public void A_raw_block_is_kept_verbatim() => Assert.Equal("${ x } {% if %}", Render("{% raw %}${ x } {% if %}{% endraw %}"));

    [Fact]
    public void A_minus_inside_a_delimiter_strips_whitespace_on_that_side() => Assert.Equal("a1b|12|xy", Render("a  ${- 1 -}  b|{% for i in [1, 2] -%}\n  ${ i }\n{%- endfor %}|x \n {#- c -#} \n y"));

    [Fact]
    public void A_plus_inside_a_delimiter_is_accepted() => Assert.Equal("x", Render("{%+ if true +%}x{% endif %}"));

    [Fact]
    public void Rendering_drops_one_trailing_newline_and_normalizes_line_ends() => Assert.Equal("a\nb1\n", Render("a\r\nb${ 1 }\r\n\n"));

    [Fact]
    public void A_configuration_file_renders_with_loops_and_conditions() => Assert.Equal("data_source pg:\n  type: postgres\n  host: fromenv\n  port: 5000\n  schemas:\n    - raw_1\n    - mart_2\n", Render("data_source pg:\n  type: postgres\n  host: ${ env_var('MYENV', 'localhost') }\n{% if a | int > 3 %}  port: ${ a | int * 1000 }\n{% endif %}  schemas:\n{% for sc in ['raw', 'mart'] %}    - ${ sc }_${ loop.index }\n{% endfor %}"));

    [Fact]
    public void A_lone_statement_delimiter_in_SQL_is_a_syntax_error()
    {
        var error = Fails("WHERE c LIKE '{%'");
        Assert.Equal(JinjaErrorKind.Syntax, error.Kind);
        Assert.Equal("unexpected char \"'\" at 16", error.Reason);
    }

    [Fact]
    public void An_unclosed_expression_is_a_syntax_error()
    {
        var error = Fails("SELECT ${ a");
        Assert.Equal(JinjaErrorKind.Syntax, error.Kind);
        Assert.Equal("unexpected end of template, expected 'end of print statement'.", error.Reason);
    }

    [Fact]
    public void An_empty_expression_is_a_syntax_error()
    {
        var error = Fails("${ }");
        Assert.Equal(JinjaErrorKind.Syntax, error.Kind);
        Assert.Equal("Expected an expression, got 'end of print statement'", error.Reason);
    }

    [Fact]
    public void An_unclosed_comment_is_a_syntax_error()
    {
        var error = Fails("x {# y");
        Assert.Equal(JinjaErrorKind.Syntax, error.Kind);
        Assert.Equal("Missing end of comment tag", error.Reason);
    }

    [Fact]
    public void An_unclosed_if_is_a_syntax_error()
    {
        var error = Fails("{% if true %}x");
        Assert.Equal(JinjaErrorKind.Syntax, error.Kind);
        Assert.Equal("Unexpected end of template. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'.", error.Reason);
    }

    [Fact]
    public void An_unknown_tag_is_a_syntax_error()
    {
        var error = Fails("{% for i in [1] %}{% break %}{% endfor %}");
        Assert.Equal(JinjaErrorKind.Syntax, error.Kind);
        Assert.Equal("Encountered unknown tag 'break'. Jinja was looking for the following tags: 'endfor' or 'else'. The innermost block that needs to be closed is 'for'.", error.Reason);
    }

    [Fact]
    public void An_end_tag_without_its_block_is_a_syntax_error()
    {
        var error = Fails("{% endif %}");
        Assert.Equal(JinjaErrorKind.Syntax, error.Kind);
        Assert.Equal("Encountered unknown tag 'endif'.", error.Reason);
    }

    [Fact]
    public void A_macro_is_refused()
    {
        var error = Fails("{% macro m() %}x{% endmacro %}");
        Assert.Equal(JinjaErrorKind.Unsupported, error.Kind);
    }

    [Fact]
    public void An_include_is_refused()
    {
        var error = Fails("{% include 'other.yml' %}");
        Assert.Equal(JinjaErrorKind.Unsupported, error.Kind);
    }

    [Fact]
    public void Assigning_to_the_loop_variable_is_a_syntax_error()
    {
        var error = Fails("{% for loop in [1] %}{% endfor %}");
        Assert.Equal(JinjaErrorKind.Syntax, error.Kind);
        Assert.Equal("Can't assign to special loop variable in for-loop target", error.Reason);
    }

    // ---- where errors are reported, and how the API reports them ----

    [Fact]
    public void An_error_names_the_expression_its_line_and_column_and_what_to_do()
    {
        var error = Fails("SELECT 1\nFROM t WHERE ${ x + 1 } > 0");
        Assert.Equal(JinjaErrorKind.Undefined, error.Kind);
        Assert.Equal((2, 14), (error.Line, error.Column));
        Assert.Equal("${ x + 1 }", error.Construct);
        Assert.Equal(
            "Jinja error in ${ x + 1 } at line 2, column 14: 'x' is undefined. "
            + "Define 'x' as a scan variable or an environment variable, or give it a default: x | default('...').",
            error.Message);
    }

    [Fact]
    public void A_syntax_error_is_located_at_the_tag_that_contains_it()
    {
        var error = Fails("a: 1\n  b: {% if x %}\n{% endfi %}");
        Assert.Equal(JinjaErrorKind.Syntax, error.Kind);
        Assert.Equal((3, 1), (error.Line, error.Column));
        Assert.StartsWith("Encountered unknown tag 'endfi'.", error.Reason);
    }

    [Fact]
    public void Resolve_renders_like_render_and_throws_the_same_errors()
    {
        Assert.Equal("5abc", Renderer().Resolve("${ a }${ s }"));
        Assert.Equal(JinjaErrorKind.Undefined, Assert.Throws<JinjaException>(() => Renderer().Resolve("${ x * 2 }")).Kind);
    }

    [Fact]
    public void TryRender_returns_the_result_when_the_template_renders()
    {
        Assert.True(Renderer().TryRender("${ a }", out string result, out var error));
        Assert.Equal("5", result);
        Assert.Null(error);
    }

    [Fact]
    public void TryRender_returns_the_error_instead_of_throwing_it()
    {
        Assert.False(Renderer().TryRender("${ a + 1 }", out string result, out var error));
        Assert.Equal("", result);
        Assert.Equal(JinjaErrorKind.Type, error!.Kind);
    }

    [Fact]
    public void With_makes_a_variable_win_over_the_environment()
    {
        var jinja = Renderer(new() { ["a"] = "from env" });
        Assert.Equal("table_x", jinja.With("a", "table_x").Render("${ a }"));
        Assert.Equal("from env", jinja.WithVariable("a", "table_x").Render("${ a }"));
        Assert.Equal("table_x", jinja.WithVariable("b", "table_x").Lookup("b"));
    }

    // ---- hostile input ----

    [Fact]
    public void Deeply_nested_parentheses_are_an_error_not_a_stack_overflow()
    {
        var error = Fails("${ " + new string('(', 100_000) + "1" + new string(')', 100_000) + " }");
        Assert.Equal(JinjaErrorKind.Limit, error.Kind);
    }

    [Fact]
    public void Deeply_nested_tags_are_an_error_not_a_stack_overflow()
    {
        var template = string.Concat(Enumerable.Repeat("{% if true %}", 100_000)) + string.Concat(Enumerable.Repeat("{% endif %}", 100_000));
        Assert.Equal(JinjaErrorKind.Limit, Fails(template).Kind);
    }

    [Fact]
    public void A_very_long_operator_chain_is_an_error_not_a_stack_overflow()
    {
        Assert.Equal(JinjaErrorKind.Limit, Fails("${ " + string.Join(" + ", Enumerable.Repeat("1", 100_000)) + " }").Kind);
    }

    [Fact]
    public void Nested_loops_with_huge_output_fail_quickly()
    {
        var clock = Stopwatch.StartNew();
        var error = Fails("{% for i in range(100000) %}{% for j in range(100000) %}xxxxxxxxxx{% endfor %}{% endfor %}");
        Assert.Equal(JinjaErrorKind.Limit, error.Kind);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Output_larger_than_ten_million_characters_is_an_error()
    {
        Assert.Equal(JinjaErrorKind.Limit, Fails("{% for i in range(2000) %}${ 'x' * 10000 }{% endfor %}").Kind);
    }

    [Fact]
    public void Huge_values_are_an_error()
    {
        Assert.Equal(JinjaErrorKind.Limit, Fails("${ 'x' * 100000000 }").Kind);
        Assert.Equal(JinjaErrorKind.Limit, Fails("${ 2 ** 100000000 }").Kind);
    }
}
