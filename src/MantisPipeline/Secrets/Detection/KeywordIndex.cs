namespace MantisPipeline.Secrets.Detection;

/// <summary>
/// Finds where the rules' keywords occur in a text, ignoring ASCII case, in one pass of an
/// Aho-Corasick automaton, so that a rule runs its regex only near its keywords. With the
/// ninety-odd keywords of the default rules this reads text several times faster than
/// SearchValues, whose vectorised search slows down sharply past a few dozen values.
/// </summary>
internal sealed class KeywordIndex
{
    private const int Root = 0;

    // A state is stored as its row's offset in the table; a state where keywords end is
    // stored negated, so that the hot loop needs one load and one sign test per character.
    private readonly string[] _keywords;
    private readonly int[] _classOf = new int[128];
    private readonly int _classes;
    private readonly int[] _next;
    private readonly int[]?[] _matches;

    public KeywordIndex(IEnumerable<string> keywords)
    {
        _keywords = keywords.Select(keyword => keyword.ToLowerInvariant()).Distinct().ToArray();
        _classes = AssignClasses();
        var trie = new Trie(_classes);
        for (var id = 0; id < _keywords.Length; id++)
        {
            trie.Add(_keywords[id].Select(ClassOf), id);
        }

        (_next, _matches) = trie.ToAutomaton();
        Encode();
    }

    public int Count => _keywords.Length;

    public int IdOf(string keyword) => Array.IndexOf(_keywords, keyword.ToLowerInvariant());

    /// <summary>For each keyword id, the offsets where it starts (null when it does not occur).</summary>
    public List<int>?[] Find(string text)
    {
        var hits = new List<int>?[_keywords.Length];
        var next = _next.AsSpan();
        var classOf = _classOf.AsSpan();
        var characters = text.AsSpan();
        var row = Root;
        for (var index = 0; index < characters.Length; index++)
        {
            var character = characters[index];
            row = next[row + (character < 128 ? classOf[character] : 0)];
            if (row < 0)
            {
                row = -row;
                Record(hits, row / _classes, index);
            }
        }

        return hits;
    }

    private void Record(List<int>?[] hits, int state, int end)
    {
        foreach (var id in _matches[state]!)
        {
            (hits[id] ??= []).Add(end - _keywords[id].Length + 1);
        }
    }

    // Root is state 0 at offset 0, and no keyword ends there, so negation never meets zero.
    private void Encode()
    {
        for (var index = 0; index < _next.Length; index++)
        {
            var target = _next[index];
            var offset = target * _classes;
            _next[index] = _matches[target] is null ? offset : -offset;
        }
    }

    // Characters that appear in no keyword share class 0, which keeps the table small.
    private int AssignClasses()
    {
        var classes = 1;
        foreach (var character in _keywords.SelectMany(keyword => keyword).Distinct().Where(c => c < 128))
        {
            _classOf[character] = classes;
            if (char.IsAsciiLetterLower(character))
            {
                _classOf[char.ToUpperInvariant(character)] = classes;
            }

            classes++;
        }

        return classes;
    }

    private int ClassOf(char character) => character < 128 ? _classOf[character] : 0;

    /// <summary>The keyword trie, turned into a full transition table with failure links folded in.</summary>
    private sealed class Trie(int classes)
    {
        private readonly List<int[]> _children = [New(classes)];
        private readonly List<List<int>> _output = [[]];

        public void Add(IEnumerable<int> path, int id)
        {
            var state = Root;
            foreach (var symbol in path)
            {
                if (_children[state][symbol] < 0)
                {
                    _children[state][symbol] = _children.Count;
                    _children.Add(New(classes));
                    _output.Add([]);
                }

                state = _children[state][symbol];
            }

            _output[state].Add(id);
        }

        public (int[] Next, int[]?[] Matches) ToAutomaton()
        {
            var next = new int[_children.Count * classes];
            var fail = new int[_children.Count];
            var queue = new Queue<int>();
            for (var symbol = 0; symbol < classes; symbol++)
            {
                var child = _children[Root][symbol];
                next[symbol] = child < 0 ? Root : child;
                if (child >= 0)
                {
                    queue.Enqueue(child);
                }
            }

            while (queue.Count > 0)
            {
                var state = queue.Dequeue();
                _output[state].AddRange(_output[fail[state]]);
                for (var symbol = 0; symbol < classes; symbol++)
                {
                    var child = _children[state][symbol];
                    var fallback = next[(fail[state] * classes) + symbol];
                    if (child < 0)
                    {
                        next[(state * classes) + symbol] = fallback;
                        continue;
                    }

                    next[(state * classes) + symbol] = child;
                    fail[child] = fallback;
                    queue.Enqueue(child);
                }
            }

            return (next, _output.Select(ids => ids.Count == 0 ? null : ids.Distinct().ToArray()).ToArray());
        }

        private static int[] New(int classes) => Enumerable.Repeat(-1, classes).ToArray();
    }
}
