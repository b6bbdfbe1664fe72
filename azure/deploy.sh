#!/usr/bin/env bash
# Deploys the Azure SQL estate of one environment, then the database schema, then maps the Entra
# identities to the database roles. See azure/README.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

usage() {
  cat <<'USAGE'
Usage: azure/deploy.sh --env dev|prod --resource-group NAME [--what-if]

Deploys azure/bicep/main.bicep with azure/parameters/<env>.bicepparam into the resource group,
runs ./ecom deploy against the failover group listener (or the server, without a secondary)
with Microsoft Entra sign-in, then adds the Entra identities of the parameter databaseRoleMembers
to the roles analytics_reader, sidecar_writer and etl_loader.

  --env             dev or prod
  --resource-group  an existing resource group (az group create -n NAME -l westeurope)
  --what-if         show what the template would change, deploy nothing
  -h, --help        this help

Needs: az (signed in: az login; Bicep: az bicep install), java 17, sqlcmd (go-sqlcmd).
Environment:
  ECOM_ENTRA_ADMIN_OBJECT_ID  object id of the Entra group that administers the servers
  ECOM_SQL_ADMIN_PASSWORD     dev only: the SQL administrator's password (dev keeps SQL logins)
No password is ever written to a file: the schema deployment and the role mapping sign in as
the Azure CLI's Entra identity (authentication=ActiveDirectoryDefault).
USAGE
}

fail() {
  echo "deploy.sh: error: $*" >&2
  exit 1
}

env=""
group=""
what_if=false
while [ $# -gt 0 ]; do
  case "$1" in
    --env) env="${2:-}"; shift 2 ;;
    --resource-group) group="${2:-}"; shift 2 ;;
    --what-if) what_if=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; fail "unknown argument '$1'" ;;
  esac
done

case "$env" in
  dev|prod) ;;
  "") fail "--env is required (dev or prod); see --help" ;;
  *) fail "--env must be dev or prod, not '$env'" ;;
esac
[ -n "$group" ] || fail "--resource-group is required; see --help"
[ -n "${ECOM_ENTRA_ADMIN_OBJECT_ID:-}" ] || fail "set ECOM_ENTRA_ADMIN_OBJECT_ID to the object id of the Entra admin group (az ad group show -g NAME --query id -o tsv)"
if [ "$env" = dev ] && [ -z "${ECOM_SQL_ADMIN_PASSWORD:-}" ]; then
  fail "dev keeps SQL authentication: set ECOM_SQL_ADMIN_PASSWORD (from your secret store, not a file)"
fi
for tool in az sqlcmd java; do
  command -v "$tool" >/dev/null || fail "'$tool' is not installed (see azure/README.md)"
done
az account show >/dev/null 2>&1 || fail "the Azure CLI is not signed in: run az login"
az group show --name "$group" >/dev/null 2>&1 || fail "resource group '$group' not found in subscription $(az account show --query name -o tsv)"

template="$here/bicep/main.bicep"
parameters="$here/parameters/$env.bicepparam"
deployment="ecom-sql-$env"

if $what_if; then
  exec az deployment group what-if --resource-group "$group" --template-file "$template" --parameters "$parameters"
fi

echo "deploy.sh: deploying $template with $parameters to $group..." >&2
az deployment group create --name "$deployment" --resource-group "$group" \
  --template-file "$template" --parameters "$parameters" --output none

output() {
  az deployment group show --name "$deployment" --resource-group "$group" \
    --query "properties.outputs.$1.value" --output tsv
}
host="$(output sqlHostName)"
database="$(output databaseName)"
[ -n "$host" ] && [ -n "$database" ] || fail "the deployment returned no sqlHostName or databaseName output"

# In prod public access is off: this must run from a network that reaches the private endpoint.
echo "deploy.sh: deploying the schema to $host/$database..." >&2
"$root/ecom" deploy --db "jdbc:sqlserver://$host:1433;database=$database;encrypt=true;trustServerCertificate=false;authentication=ActiveDirectoryDefault"

# Identity names come from the parameter file (databaseRoleMembers), echoed by the deployment.
# They become T-SQL identifiers: refuse anything but the characters Entra display names here use.
echo "deploy.sh: mapping Entra identities to database roles..." >&2
for role in analytics_reader sidecar_writer etl_loader; do
  while IFS= read -r member; do
    [ -n "$member" ] || continue
    [[ "$member" =~ ^[A-Za-z0-9._@\ -]+$ ]] || fail "identity name '$member' (role $role) has characters other than letters, digits, space, . _ @ -"
    sqlcmd -S "$host" -d "$database" --authentication-method ActiveDirectoryDefault -b \
      -i "$here/sql/add-role-member.sql" -v "RoleName=$role" "MemberName=$member"
    echo "deploy.sh:   $member -> $role" >&2
  done < <(az deployment group show --name "$deployment" --resource-group "$group" \
    --query "properties.outputs.databaseRoleMembers.value.$role[]" --output tsv)
done

echo "deploy.sh: done. Clients connect to $host, database $database." >&2
