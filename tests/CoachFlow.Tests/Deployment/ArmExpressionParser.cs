using System.Globalization;
using System.Text;

namespace CoachFlow.Tests.Deployment;

/// <summary>
/// Parses the ARM template expression language (the text between the brackets): string and integer
/// literals, function calls, <c>.property</c> and <c>[index]</c>. Anything else is an error, so a
/// construct the tests do not know fails loudly instead of being misread.
/// </summary>
public sealed class ArmExpressionParser
{
    private readonly string _text;
    private int _position;

    private ArmExpressionParser(string text) => _text = text;

    public static ArmExpression Parse(string text)
    {
        var parser = new ArmExpressionParser(text);
        var expression = parser.Expression();
        parser.SkipSpaces();
        return parser._position == text.Length ? expression : throw parser.Error("end of expression");
    }

    private ArmExpression Expression()
    {
        var expression = Primary();
        while (true)
        {
            SkipSpaces();
            if (TryTake('.'))
            {
                expression = new ArmProperty(expression, Identifier());
            }
            else if (TryTake('['))
            {
                var index = Expression();
                Take(']');
                expression = new ArmIndex(expression, index);
            }
            else
            {
                return expression;
            }
        }
    }

    private ArmExpression Primary()
    {
        SkipSpaces();
        if (_position < _text.Length && _text[_position] == '\'')
        {
            return String();
        }

        if (_position < _text.Length && (char.IsAsciiDigit(_text[_position]) || _text[_position] == '-'))
        {
            var start = _position++;
            while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
            {
                _position++;
            }

            return new ArmNumber(long.Parse(_text[start.._position], CultureInfo.InvariantCulture));
        }

        // A call's name may be namespaced (__bicep.fn): every dot before its '(' belongs to the name.
        var name = Identifier();
        while (TryTake('.'))
        {
            name += "." + Identifier();
        }

        Take('(');
        var arguments = new List<ArmExpression>();
        SkipSpaces();
        if (!TryTake(')'))
        {
            do
            {
                arguments.Add(Expression());
                SkipSpaces();
            }
            while (TryTake(','));
            Take(')');
        }

        return new ArmCall(name, arguments);
    }

    private ArmString String()
    {
        Take('\'');
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("closing quote");
            }

            var c = _text[_position++];
            if (c != '\'')
            {
                value.Append(c);
            }
            else if (_position < _text.Length && _text[_position] == '\'')
            {
                value.Append('\'');
                _position++;
            }
            else
            {
                return new ArmString(value.ToString());
            }
        }
    }

    private string Identifier()
    {
        SkipSpaces();
        var start = _position;
        while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] is '_' or '$'))
        {
            _position++;
        }

        return _position > start ? _text[start.._position] : throw Error("a name");
    }

    private void SkipSpaces()
    {
        while (_position < _text.Length && _text[_position] == ' ')
        {
            _position++;
        }
    }

    private bool TryTake(char c)
    {
        SkipSpaces();
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Take(char c)
    {
        if (!TryTake(c))
        {
            throw Error($"'{c}'");
        }
    }

    private FormatException Error(string expected) =>
        new($"Expected {expected} at {_position} in ARM expression: {_text}");
}
