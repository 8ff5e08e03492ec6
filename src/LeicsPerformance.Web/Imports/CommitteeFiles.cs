using LeicsPerformance.Web.Data.Entities;

namespace LeicsPerformance.Web.Imports;

/// <summary>The four committee files in <c>data/committees/</c> (docs/csv-format.md).</summary>
public enum CommitteeFileKind
{
    Committees,
    Scope,
    Meetings,
    Prompts,
}

/// <summary>What each committee file is called, must have, holds, and becomes as a load; and which one a heading row is.</summary>
public static class CommitteeFiles
{
    public static IReadOnlyDictionary<CommitteeFileKind, (string FileName, string[] Required, string Description)> ByKind { get; } =
        new Dictionary<CommitteeFileKind, (string, string[], string)>
        {
            [CommitteeFileKind.Committees] = ("committees.csv", ["slug", "title", "sort_order"], "the committees: slug, title, short_title, sort_order, remit"),
            [CommitteeFileKind.Scope] = ("committee-scope.csv", ["committee", "dashboard", "indicator"], "what each committee scrutinises: committee, dashboard or indicator, sort_order"),
            [CommitteeFileKind.Meetings] = ("committee-meetings.csv", ["committee", "date"], "meeting dates: committee, date, considers_period, source"),
            [CommitteeFileKind.Prompts] = ("questioning-prompts.csv", ["kind", "sort_order", "text"], "the members' agreed questioning prompts: kind, sort_order, text"),
        };

    /// <summary>The kind of the load a confirmed upload of the file becomes (<c>data_load.kind</c>).</summary>
    public static LoadKind LoadKindOf(CommitteeFileKind kind) => kind switch
    {
        CommitteeFileKind.Committees => LoadKind.Committees,
        CommitteeFileKind.Scope => LoadKind.CommitteeScope,
        CommitteeFileKind.Meetings => LoadKind.CommitteeMeetings,
        _ => LoadKind.CommitteePrompts,
    };

    /// <summary>Every committee load kind.</summary>
    public static IReadOnlyList<LoadKind> LoadKinds { get; } = Enum.GetValues<CommitteeFileKind>().Select(LoadKindOf).ToList();

    /// <summary>The committee file a load's kind names, or null for any other load.</summary>
    public static CommitteeFileKind? ByLoadKind(LoadKind loadKind) =>
        Enum.GetValues<CommitteeFileKind>().Where(k => LoadKindOf(k) == loadKind).Select(k => (CommitteeFileKind?)k).FirstOrDefault();

    /// <summary>
    /// Which committee file a heading row is: <c>committee</c> and <c>date</c> the meetings, <c>committee</c> the scope,
    /// <c>slug</c> the committees, <c>kind</c> or <c>text</c> the prompts; null when none. (A recognised file missing a
    /// required column is then refused by <see cref="CsvTable.Require"/>, naming the column.)
    /// </summary>
    public static CommitteeFileKind? Recognise(CsvTable table) =>
        table.HasColumn("committee") && table.HasColumn("date") ? CommitteeFileKind.Meetings
        : table.HasColumn("committee") ? CommitteeFileKind.Scope
        : table.HasColumn("slug") ? CommitteeFileKind.Committees
        : table.HasColumn("kind") || table.HasColumn("text") ? CommitteeFileKind.Prompts
        : null;

    /// <summary>The message for a heading row that matches none of the four files, naming each one's required headings.</summary>
    public static string NoneMatches =>
        "The heading row matches none of the committee files. Use the heading row of one of them, as its download gives it: "
        + string.Join("; ", ByKind.Values.Select(f => $"{f.FileName}: {string.Join(",", f.Required)}"))
        + ".";
}
