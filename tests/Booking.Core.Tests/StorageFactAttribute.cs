using Xunit.Abstractions;
using Xunit.Sdk;

namespace Booking.Core.Tests;

/// <summary>Marks a test class whose tests run on PostgreSQL (see <see cref="StorageFactAttribute"/>).</summary>
public interface IRunsOnPostgres;

/// <summary>
/// A fact in a test class that runs on one storage or the other. In a class marked <see cref="IRunsOnPostgres"/> it is
/// reported as skipped when no PostgreSQL server is configured (TEST_POSTGRES); everywhere else it is a plain fact.
/// </summary>
[XunitTestCaseDiscoverer("Booking.Core.Tests.StorageFactDiscoverer", "Booking.Core.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageFactAttribute : FactAttribute;

/// <summary>The theory counterpart of <see cref="StorageFactAttribute"/>: every data row is skipped without a server.</summary>
[XunitTestCaseDiscoverer("Booking.Core.Tests.StorageTheoryDiscoverer", "Booking.Core.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageTheoryAttribute : TheoryAttribute;

public sealed class StorageFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        return StorageSkip.ReasonFor(testMethod) is { } reason
            ? new XunitSkippedDataRowTestCase(
                DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)
            : base.CreateTestCase(discoveryOptions, testMethod, factAttribute);
    }
}

public sealed class StorageTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow)
    {
        return StorageSkip.ReasonFor(testMethod) is { } reason
            ? CreateTestCasesForSkippedDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, reason)
            : base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow);
    }

    protected override IEnumerable<IXunitTestCase> CreateTestCasesForTheory(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute)
    {
        return StorageSkip.ReasonFor(testMethod) is { } reason
            ? [new XunitSkippedDataRowTestCase(
                DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : base.CreateTestCasesForTheory(discoveryOptions, testMethod, theoryAttribute);
    }
}

internal static class StorageSkip
{
    public static string? ReasonFor(ITestMethod testMethod) =>
        typeof(IRunsOnPostgres).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType()) ? TestPostgres.SkipReason : null;
}
