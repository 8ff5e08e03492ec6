using System.Diagnostics;
using System.Text;
using LeicsPerformance.Domain.Periods;
using LeicsPerformance.Web.Imports;
using LeicsPerformance.Web.Reporting;
using LeicsPerformance.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LeicsPerformance.Web.Tests.Returns;

/// <summary>
/// The preview's consequences ask once which committees scrutinise the file's values and the knock-on periods (each ask
/// reads the committees, their scopes and the edition map): a review found it asked twice.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class PreviewCommandTests(TestDatabase database, ITestOutputHelper output) : AppTest(database)
{
    [Fact]
    public async Task A_preview_with_knock_ons_reads_the_committees_once()
    {
        using var scope = Factory.Services.CreateScope();
        var plan = await scope.ServiceProvider.GetRequiredService<ReturnImporter>()
            .PlanAsync("ff01-earlier.csv", Encoding.UTF8.GetBytes("indicator_code,period,value\nFF01,2016/17,£590\nFF01,2017/18,£600\n"));
        plan.HasErrors.Should().BeFalse();

        PreviewConsequences consequences;
        using (var commands = new CommandLog())
        {
            consequences = await scope.ServiceProvider.GetRequiredService<ReturnConsequences>().OfAsync(plan, CancellationToken.None);
            output.WriteLine($"{commands.Texts.Count} SQL commands, {commands.Texts.Count(IsCommitteeList)} reading the committees");
            commands.Texts.Count(IsCommitteeList).Should().Be(1);
        }

        // What the second ask cost, for the record (issue 12's review): the same scope, the calendar as warm as it was.
        using (var again = new CommandLog())
        {
            await scope.ServiceProvider.GetRequiredService<CommitteeScopes>().CommitteesScrutinisingAsync(
                [(plan.Changes[0].Line.IndicatorId, ReportingPeriod.Parse("2018/19"))], CancellationToken.None);
            output.WriteLine($"a second ask for the knock-on period: {again.Texts.Count} SQL commands");
        }

        consequences.Rows.Should().HaveCount(2);
        consequences.KnockOns.Should().ContainSingle().Which.Committees.Should().Equal(consequences.Rows.Single(r => r.Line.Period.Code == "FY2017").Committees);
    }

    private static bool IsCommitteeList(string sql) => sql.Contains("FROM committee AS", StringComparison.Ordinal);

    /// <summary>The SQL EF Core runs on this test's own async flow while the log is open (other tests run alongside).</summary>
    private sealed class CommandLog : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private static readonly AsyncLocal<CommandLog?> Current = new();
        private readonly IDisposable all;
        private readonly List<IDisposable> listeners = [];

        public CommandLog()
        {
            Current.Value = this;
            all = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public List<string> Texts { get; } = [];

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (listeners)
                {
                    listeners.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data && ReferenceEquals(Current.Value, this))
            {
                lock (Texts)
                {
                    Texts.Add(data.Command.CommandText);
                }
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            Current.Value = null;
            all.Dispose();
            lock (listeners)
            {
                listeners.ForEach(l => l.Dispose());
            }
        }
    }
}
