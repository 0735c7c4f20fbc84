from gongkai.core import modules


class BackupConfig(modules.ModuleConfig):
    name = "gongkai.backup"
    label = "backup"
    verbose_name = "备份与恢复"
    registers = ("todos",)
