// Models under QAbstractItemModelTester, the parameter validator, box statistics and result export: no runtimes.
#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include "box_statistics.h"
#include "catalog.h"
#include "parameter_validator.h"
#include "results_export.h"
#include "results_model.h"
#include "runtime_list_model.h"
#include "workload_tree_model.h"

using namespace versus;
using namespace versus::gui;

namespace {

Result okResult(int item, const std::string& workload, const std::string& runtime, double medianNs)
{
    Result r;
    r.itemIndex = item;
    r.workloadId = workload;
    r.workloadTitle = workload;
    r.runtimeId = runtime;
    r.runtimeName = runtime + " (test)";
    r.flavour = "plain";
    r.params = {{"n", std::int64_t(10)}};
    r.summary.samples = 5;
    r.summary.medianNs = medianNs;
    r.summary.madNs = medianNs / 10;
    r.summary.callsPerSecond = 1e9 / medianNs;
    return r;
}

} // namespace

class ModelsTest : public QObject {
    Q_OBJECT
private slots:
    void workloadTreeChecksByCategory();
    void runtimeListGreysOutUnavailable();
    void resultsModelReplacesRunningRowsAndRanks();
    void validatorRefusesWithReason_data();
    void validatorRefusesWithReason();
    void boxStatistics_data();
    void boxStatistics();
    void exportsJsonAndRefusesUnknownFormats();

private:
    Catalog m_catalog = Catalog::load(workloadsDirectory());
};

void ModelsTest::workloadTreeChecksByCategory()
{
    QVERIFY2(m_catalog.find("fib"), "the catalog must hold fib");
    WorkloadTreeModel model(m_catalog);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setRecursiveFilteringEnabled(true);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setFilterRole(WorkloadTreeModel::SearchTextRole);
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    const QModelIndex fib = model.indexOf(QStringLiteral("fib"));
    QVERIFY(fib.isValid());
    QCOMPARE(model.workloadAt(fib)->id, std::string("fib"));
    QVERIFY(model.setData(fib, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model.checkedWorkloadIds(), QStringList{QStringLiteral("fib")});
    const QModelIndex category = fib.parent();
    QCOMPARE(model.data(category, Qt::DisplayRole).toString(), QStringLiteral("CPU"));
    const int siblings = model.rowCount(category);
    QCOMPARE(model.data(category, Qt::CheckStateRole).value<Qt::CheckState>(),
             siblings == 1 ? Qt::Checked : Qt::PartiallyChecked);
    QVERIFY(model.setData(category, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model.checkedWorkloadIds().size(), siblings);
    QVERIFY(model.setData(category, Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(model.checkedWorkloadIds().isEmpty());

    proxy.setFilterFixedString(QStringLiteral("fibonacci"));
    QCOMPARE(proxy.rowCount(), 1);  // the CPU category, kept for its matching child
    QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 1);
}

void ModelsTest::runtimeListGreysOutUnavailable()
{
    RuntimeRegistry registry;
    RuntimeDescriptor ok;
    ok.info = {"python", "CPython (test)", "python", "3.11.2", "", true};
    RuntimeDescriptor missing;
    missing.info = {"pypy", "PyPy", "python", "7.3", "", false};
    missing.unavailableReason = "pypy3 is not installed; apt install pypy3";
    registry.add(ok);
    registry.add(missing);
    RuntimeListModel model(registry);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(0), Qt::DisplayRole).toString(), QStringLiteral("CPython 3.11.2 (test)"));
    QVERIFY(model.flags(model.index(0)) & Qt::ItemIsEnabled);
    QVERIFY(!(model.flags(model.index(1)) & Qt::ItemIsEnabled));
    QVERIFY(model.data(model.index(1), Qt::ToolTipRole).toString().contains(QStringLiteral("apt install pypy3")));
    QVERIFY(!model.setData(model.index(1), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(model.setData(model.index(0), Qt::Checked, Qt::CheckStateRole));
    model.setCheckedRuntimeIds({QStringLiteral("python"), QStringLiteral("pypy")});
    QCOMPARE(model.checkedRuntimeIds(), QStringList{QStringLiteral("python")});
    QVERIFY(!registry.isCreated("python"));  // listing never creates a runtime
}

void ModelsTest::resultsModelReplacesRunningRowsAndRanks()
{
    ResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ResultsModel::SortRole);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    model.addRunning(0, QStringLiteral("fib"), QStringLiteral("python (test)"), QStringLiteral("python"), {});
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(model.isRunning(0));
    model.addResult(okResult(0, "fib", "python", 100000));
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(!model.isRunning(0));
    model.addResult(okResult(1, "fib", "node", 5000));
    Result failed = okResult(2, "fib", "native", 0);
    failed.status = ResultStatus::Failed;
    failed.failure = {FailureKind::ScriptError, "ZeroDivisionError at line 3 of fib.py: division by zero", "fib.py", 3};
    model.addResult(failed);
    QCOMPARE(model.rowCount(), 3);

    QCOMPARE(model.ratioToFastest(0), 20.0);
    QCOMPARE(model.ratioToFastest(1), 1.0);
    QVERIFY(std::isnan(model.ratioToFastest(2)));
    QCOMPARE(model.data(model.index(1, ResultsModel::RatioColumn)).toString(), QStringLiteral("fastest"));
    QVERIFY(model.data(model.index(2, ResultsModel::StatusColumn)).toString().contains(QStringLiteral("ZeroDivisionError")));
    QVERIFY(model.data(model.index(2, ResultsModel::StatusColumn), Qt::ToolTipRole).toString().contains(QStringLiteral("line 3")));

    proxy.sort(ResultsModel::MedianColumn, Qt::AscendingOrder);  // numeric, not "100 us" < "5 us"
    QCOMPARE(proxy.data(proxy.index(0, ResultsModel::RuntimeColumn)).toString(), QStringLiteral("node (test)"));
    QCOMPARE(proxy.data(proxy.index(2, ResultsModel::RuntimeColumn)).toString(), QStringLiteral("native (test)"));
    QCOMPARE(model.results().size(), std::size_t(3));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void ModelsTest::validatorRefusesWithReason_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("reasonContains");
    QTest::newRow("in range") << "27" << int(QValidator::Acceptable) << "";
    QTest::newRow("lower limit") << "0" << int(QValidator::Acceptable) << "";
    QTest::newRow("above max") << "99" << int(QValidator::Intermediate) << "from 0 to 35";
    QTest::newRow("negative") << "-1" << int(QValidator::Intermediate) << "from 0 to 35";
    QTest::newRow("half typed") << "-" << int(QValidator::Intermediate) << "integer";
    QTest::newRow("letters") << "abc" << int(QValidator::Invalid) << "integer";
    QTest::newRow("fraction") << "2.5" << int(QValidator::Invalid) << "integer";
}

void ModelsTest::validatorRefusesWithReason()
{
    QFETCH(QString, text);
    QFETCH(int, state);
    QFETCH(QString, reasonContains);
    const Workload* fib = m_catalog.find("fib");
    QVERIFY(fib && fib->parameter("n"));
    ParameterValidator validator(*fib->parameter("n"));
    int pos = 0;
    QCOMPARE(int(validator.validate(text, pos)), state);
    const QString reason = validator.reason(text);
    if (reasonContains.isEmpty()) {
        QVERIFY2(reason.isEmpty(), qPrintable(reason));
    } else {
        QVERIFY2(reason.contains(reasonContains), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("'n'")), qPrintable(reason));  // names the parameter
    }
}

void ModelsTest::boxStatistics_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("q1");
    QTest::addColumn<double>("median");
    QTest::addColumn<double>("q3");
    QTest::addColumn<double>("high");
    QTest::addColumn<int>("outliers");
    QTest::newRow("empty") << QList<double>{} << 0 << 0.0 << 0.0 << 0.0 << 0.0 << 0.0 << 0;
    QTest::newRow("one") << QList<double>{7} << 1 << 7.0 << 7.0 << 7.0 << 7.0 << 7.0 << 0;
    QTest::newRow("four") << QList<double>{4, 1, 3, 2} << 4 << 1.0 << 1.75 << 2.5 << 3.25 << 4.0 << 0;
    // q1 2, q3 4, IQR 2: the upper fence is 7, so 100 is an outlier and the whisker stops at 4.
    QTest::newRow("outlier") << QList<double>{1, 2, 3, 4, 100} << 5 << 1.0 << 2.0 << 3.0 << 4.0 << 4.0 << 1;
    QTest::newRow("not finite") << QList<double>{NAN, 5, 5} << 2 << 5.0 << 5.0 << 5.0 << 5.0 << 5.0 << 0;
}

void ModelsTest::boxStatistics()
{
    QFETCH(QList<double>, values);
    const BoxStatistics b = BoxStatistics::compute(std::vector<double>(values.begin(), values.end()));
    QTEST(b.count, "count");
    QTEST(b.lowerWhisker, "low");
    QTEST(b.q1, "q1");
    QTEST(b.median, "median");
    QTEST(b.q3, "q3");
    QTEST(b.upperWhisker, "high");
    QTEST(int(b.outliers.size()), "outliers");
}

void ModelsTest::exportsJsonAndRefusesUnknownFormats()
{
    QTemporaryDir dir;
    const std::vector<Result> results{okResult(0, "fib", "python", 1000)};
    QString error;
    const QString json = dir.filePath(QStringLiteral("results.json"));
    QVERIFY2(ResultsExport::write(json, results, RunMetadata{"0.1.0", utcTimestamp(), {}}, HarnessOptions{}, &error),
             qPrintable(error));
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("schema_version"));
    QVERIFY(!ResultsExport::write(dir.filePath(QStringLiteral("results.docx")), results, {}, {}, &error));
    QVERIFY(error.contains(QStringLiteral(".json")));
}

QTEST_MAIN(ModelsTest)
#include "models_test.moc"
