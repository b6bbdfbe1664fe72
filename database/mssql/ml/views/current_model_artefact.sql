--liquibase formatted sql

-- The stored model of each kind's latest succeeded run: what ./ecom serve
-- scores a what-if with.
--changeset ecom:ml.current_model_artefact runOnChange:true splitStatements:true endDelimiter:GO stripComments:false
CREATE OR ALTER VIEW ml.current_model_artefact
AS
SELECT a.run_id, a.model_kind, a.artefact_format, a.artefact_bytes, a.artefact_sha256
FROM ml.model_artefact AS a
INNER JOIN ml.current_model_run AS r ON r.run_id = a.run_id;
GO
