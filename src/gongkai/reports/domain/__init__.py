"""The annual report on government information disclosure as data (no Django here).

`tables` holds the official layout of 国办公开办发〔2021〕30号; `annual` the report, its
arithmetic and its checks; `render_*` turn a report into HTML, JSON, .docx and .xlsx, and
`render_xlsx.read_workbook` reads the same layout back for importing a past year.
"""
