-- tSQLt test class for the ml schema: what readers see of the sidecar's runs.
-- The same cases as MlContractTest, on faked tables (no constraints, so a test
-- can write any run it needs; ON DELETE CASCADE goes with them, hence pruning
-- is checked on ml.model_run alone).
-- Not deployed by Liquibase: `./ecom test-db` installs and runs it.
EXEC tSQLt.NewTestClass 'ml_tests';
GO

CREATE OR ALTER PROCEDURE ml_tests.SetUp
AS
BEGIN
    EXEC tSQLt.FakeTable @TableName = N'ml.model_run', @Identity = 1;
    EXEC tSQLt.FakeTable @TableName = N'ml.customer_segment';
END;
GO

-- Runs 1 and 2 succeeded, 3 failed, 4 is still running; a forecast run beside them.
CREATE OR ALTER PROCEDURE ml_tests.[insert four segmentation runs and a forecast run]
AS
BEGIN
    INSERT INTO ml.model_run (model_kind, status, as_of_date, started_at, finished_at, parameters_json,
                              metrics_json, input_fingerprint)
    VALUES ('segments', 'succeeded', '2011-12-10', '2026-11-21T06:00:00', '2026-11-21T06:01:00', N'{}',
            N'{"k": 4, "silhouette": 0.37, "curve": [0.35, 0.37], "algorithm": "k-means"}', 'fp'),
           ('segments', 'succeeded', '2011-12-10', '2026-11-21T07:00:00', '2026-11-21T07:01:00', N'{}',
            N'{"k": 3, "silhouette": 0.41}', 'fp'),
           ('segments', 'failed', '2011-12-10', '2026-11-21T08:00:00', '2026-11-21T08:01:00', N'{}', N'{}', 'fp'),
           ('segments', 'running', '2011-12-10', '2026-11-21T09:00:00', NULL, NULL, NULL, 'fp'),
           ('forecast', 'succeeded', '2011-12-10', '2026-11-21T09:00:00', '2026-11-21T09:01:00', N'{}',
            N'{"mape": 6.5}', 'fp');
    INSERT INTO ml.customer_segment (run_id, customer_id, segment_id, segment_name)
    VALUES (1, 12346, 4, 'Lost'), (2, 12346, 1, 'Champions'), (3, 12346, 2, 'Failed'), (4, 12346, 3, 'Half-written');
END;
GO

CREATE OR ALTER PROCEDURE ml_tests.[test current views show the latest succeeded run only]
AS
BEGIN
    EXEC ml_tests.[insert four segmentation runs and a forecast run];

    SELECT run_id, customer_id, segment_id, segment_name INTO #actual FROM ml.current_customer_segment;

    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (run_id, customer_id, segment_id, segment_name) VALUES (2, 12346, 1, 'Champions');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE ml_tests.[test run_metric lists the top-level numbers of succeeded runs]
AS
BEGIN
    EXEC ml_tests.[insert four segmentation runs and a forecast run];

    SELECT run_id, metric_name, metric_value INTO #actual FROM ml.run_metric;

    -- Run 1's curve (an array) and algorithm (text) are not numbers; run 3 failed.
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (run_id, metric_name, metric_value)
    VALUES (1, 'k', 4), (1, 'silhouette', 0.37), (2, 'k', 3), (2, 'silhouette', 0.41), (5, 'mape', 6.5);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE ml_tests.[test prune_runs keeps the newest runs of each kind and the current one]
AS
BEGIN
    EXEC ml_tests.[insert four segmentation runs and a forecast run];

    EXEC ml.prune_runs @keep_runs = 1;

    -- Segments: run 4 is the newest, run 2 the current; run 1 and the failed run 3 go.
    SELECT run_id INTO #actual FROM ml.model_run;
    SELECT TOP (0) * INTO #expected FROM #actual;
    INSERT INTO #expected (run_id) VALUES (2), (4), (5);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#expected', @Actual = N'#actual';
END;
GO

CREATE OR ALTER PROCEDURE ml_tests.[test prune_runs refuses to keep no run]
AS
BEGIN
    EXEC tSQLt.ExpectException @ExpectedErrorNumber = 50002;

    EXEC ml.prune_runs @keep_runs = 0;
END;
GO
