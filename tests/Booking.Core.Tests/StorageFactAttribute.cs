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

public sealed class StorageFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var onPostgres = typeof(IRunsOnPostgres).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType());
        return onPostgres && TestPostgres.SkipReason is { } reason
            ? new XunitSkippedDataRowTestCase(
                DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)
            : base.CreateTestCase(discoveryOptions, testMethod, factAttribute);
    }
}
