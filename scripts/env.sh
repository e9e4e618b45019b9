# Sourced by the other scripts: the tools they use, found where setup.sh puts them.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
